-- Issue 12. What a card was about, so that order-sign does not repeat a card the clinician answered at order-select
-- (same rule, patient, encounter, user and draft orders), and what the next-line consult was made of, so that the
-- analytics still count each option's rule. Portable SQL: H2 2.x and PostgreSQL.
-- No patient data: the encounter, the user and the draft orders are keyed hashes, like the patient.

ALTER TABLE issued_card ADD COLUMN hook VARCHAR(32);
ALTER TABLE issued_card ADD COLUMN encounter_hash VARCHAR(64);
ALTER TABLE issued_card ADD COLUMN user_hash VARCHAR(64);
-- false when the order-select request said cache-for-order-sign-filtering = false (HL7 PDDI CDS IG)
ALTER TABLE issued_card ADD COLUMN sign_filtering BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX issued_card_answered ON issued_card (patient_hash, encounter_hash, rule_id);

-- The draft orders (MedicationRequest/…) each card is about.
CREATE TABLE issued_card_draft (
    card_uuid  VARCHAR(64) NOT NULL,
    draft_hash VARCHAR(64) NOT NULL,
    CONSTRAINT issued_card_draft_once PRIMARY KEY (card_uuid, draft_hash)
);

-- The option rules a consult card was composed of.
CREATE TABLE issued_option (
    card_uuid VARCHAR(64)  NOT NULL,
    rule_id   VARCHAR(128) NOT NULL,
    CONSTRAINT issued_option_once PRIMARY KEY (card_uuid, rule_id)
);
CREATE INDEX issued_option_rule ON issued_option (rule_id);

-- Each suggestion of a card and the rule it came from.
CREATE TABLE issued_suggestion (
    card_uuid       VARCHAR(64)  NOT NULL,
    suggestion_uuid VARCHAR(64)  NOT NULL,
    rule_id         VARCHAR(128) NOT NULL,
    CONSTRAINT issued_suggestion_once PRIMARY KEY (card_uuid, suggestion_uuid)
);

-- The suggestions an accepted feedback item names (acceptedSuggestions[].id), once per item.
CREATE TABLE feedback_suggestion (
    card_uuid     VARCHAR(128)             NOT NULL,
    outcome_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    suggestion_id VARCHAR(128)             NOT NULL,
    CONSTRAINT feedback_suggestion_once PRIMARY KEY (card_uuid, outcome_at, suggestion_id)
);
