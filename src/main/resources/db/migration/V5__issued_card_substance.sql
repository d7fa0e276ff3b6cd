-- Review 12, finding 4. What an issued card said, as a keyed hash of its rule, indicator, summary and detail, so that
-- order-sign leaves out only a card identical in substance to the one answered at order-select: a sign card naming a
-- new failed criterion or a new result is shown. Portable SQL: H2 2.x and PostgreSQL.
-- Cards issued before this migration have none, so they never suppress a sign card.
-- No patient data: a keyed hash (HMAC-SHA256, cds.privacy.patient-hash-key), like the patient.

ALTER TABLE issued_card ADD COLUMN substance_hash VARCHAR(64);
