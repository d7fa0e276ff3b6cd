-- A feedback item is one row per (card, outcome, outcome time), whichever service's feedback path it arrived on:
-- the same item posted to /cds-services/a/feedback and /cds-services/b/feedback was counted twice before.
-- Repeats already stored are removed first (the row received first is kept), so the constraint can be added.
DELETE FROM card_feedback WHERE id IN (
    SELECT later.id FROM card_feedback later JOIN card_feedback earlier
        ON earlier.card_uuid = later.card_uuid AND earlier.outcome = later.outcome
       AND earlier.outcome_at = later.outcome_at AND earlier.id < later.id
);
ALTER TABLE card_feedback DROP CONSTRAINT card_feedback_once;
ALTER TABLE card_feedback ADD CONSTRAINT card_feedback_once_per_card UNIQUE (card_uuid, outcome, outcome_at);
