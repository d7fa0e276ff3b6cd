package org.sarcomacds.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.cards.Card;
import org.sarcomacds.security.KeyedHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The feedback store over plain JDBC, on H2 (default) or PostgreSQL; the schema is Flyway's
 * ({@code db/migration}). Every write is committed before the method returns: a client answered 200 has its
 * feedback in the database. Issued cards reach this store through {@link IssuedCardWriter}, batched.
 */
@Component
class JdbcFeedbackStore implements FeedbackStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcFeedbackStore.class);

    static final String NO_REASON = "(none)";
    static final String UNKNOWN_RULE = RuleSummary.UNKNOWN_CARD;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KeyedHash patientHash;

    @Autowired
    JdbcFeedbackStore(JdbcTemplate jdbc, TransactionTemplate transaction, CdsProperties properties) {
        this(jdbc, transaction, properties.privacy().patientHashKey());
    }

    JdbcFeedbackStore(JdbcTemplate jdbc, TransactionTemplate transaction, String patientHashKey) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.patientHash = new KeyedHash(patientHashKey);
        if (patientHash.randomKey()) {
            log.warn("cds.privacy.patient-hash-key is not set: patient hashes use a random key and will not match"
                    + " across restarts or replicas");
        }
    }

    @Override
    public void recordIssued(List<IssuedCards> calls) {
        IssuedRows rows = new IssuedRows();
        for (IssuedCards issued : calls) {
            if (!issued.cards().isEmpty()) {
                rows.add(issued);
            }
        }
        if (rows.cards.isEmpty()) {
            return;
        }
        // One batch per table in one transaction: one commit however many calls and cards.
        transaction.executeWithoutResult(status -> {
            jdbc.batchUpdate(
                    "INSERT INTO issued_card (card_uuid, service_id, rule_id, indicator, hook_instance, issued_at,"
                            + " patient_hash, hook, encounter_hash, user_hash, sign_filtering, substance_hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows.cards);
            batch("INSERT INTO issued_card_draft (card_uuid, draft_hash) VALUES (?, ?)", rows.drafts);
            batch("INSERT INTO issued_option (card_uuid, rule_id) VALUES (?, ?)", rows.options);
            batch(
                    "INSERT INTO issued_suggestion (card_uuid, suggestion_uuid, rule_id) VALUES (?, ?, ?)",
                    rows.suggestions);
        });
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    /** The rows of the issued cards, per table; every id of a patient, encounter, user or draft order is hashed. */
    private final class IssuedRows {

        final List<Object[]> cards = new ArrayList<>();
        final List<Object[]> drafts = new ArrayList<>();
        final List<Object[]> options = new ArrayList<>();
        final List<Object[]> suggestions = new ArrayList<>();

        void add(IssuedCards issued) {
            String patient = patientHash.hex(issued.patientId());
            OffsetDateTime at = timestamp(issued.issuedAt());
            for (Card card : issued.cards()) {
                cards.add(new Object[] {
                    card.uuid(),
                    issued.serviceId(),
                    ruleId(card),
                    card.indicator(),
                    StorableValues.clip(issued.hookInstance(), StorableValues.MAX_ID_LENGTH),
                    at,
                    patient,
                    issued.hook(),
                    hash(issued.encounterId()),
                    hash(issued.userId()),
                    issued.signFiltering(),
                    substance(card)
                });
                card.concerns().stream()
                        .map(patientHash::hex)
                        .distinct()
                        .forEach(draft -> drafts.add(new Object[] {card.uuid(), draft}));
                card.options().forEach(rule -> options.add(new Object[] {card.uuid(), rule}));
                card.suggestionRules()
                        .forEach((suggestion, rule) -> suggestions.add(new Object[] {card.uuid(), suggestion, rule}));
            }
        }
    }

    private String hash(String id) {
        return id == null ? null : patientHash.hex(id);
    }

    @Override
    public boolean recordFeedback(String serviceId, Feedback feedback) {
        // Insert-if-absent: the unique constraint decides, so two replicas racing on the same item store it once.
        // The item and the suggestions it names are one transaction; a duplicate rolls back only its own.
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update(
                        "INSERT INTO card_feedback (service_id, card_uuid, outcome, outcome_at, accepted_suggestions,"
                                + " override_reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        serviceId,
                        feedback.card(),
                        feedback.outcome(),
                        timestamp(feedback.outcomeAt()),
                        feedback.acceptedSuggestions(),
                        feedback.overrideReason(),
                        timestamp(Instant.now()));
                batch(
                        "INSERT INTO feedback_suggestion (card_uuid, outcome_at, suggestion_id) VALUES (?, ?, ?)",
                        feedback.suggestionIds().stream()
                                .distinct()
                                .map(id -> new Object[] {feedback.card(), timestamp(feedback.outcomeAt()), id})
                                .toList());
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean answeredAtSelect(String patientId, String encounterId, String userId, Card card) {
        if (encounterId == null || userId == null || card.concerns().isEmpty()) {
            return false;
        }
        Set<String> answered = new HashSet<>(jdbc.queryForList(
                "SELECT d.draft_hash FROM issued_card c JOIN issued_card_draft d ON d.card_uuid = c.card_uuid"
                        + " WHERE c.patient_hash = ? AND c.encounter_hash = ? AND c.user_hash = ? AND c.rule_id = ?"
                        + " AND c.substance_hash = ? AND c.hook = 'order-select' AND c.sign_filtering = TRUE"
                        + " AND EXISTS (SELECT 1 FROM card_feedback f WHERE f.card_uuid = c.card_uuid)",
                String.class,
                patientHash.hex(patientId),
                hash(encounterId),
                hash(userId),
                ruleId(card),
                substance(card)));
        return card.concerns().stream().map(patientHash::hex).allMatch(answered::contains);
    }

    /**
     * What the card says, as a keyed hash: its rule, indicator, summary and detail. Two cards with the same substance
     * tell the clinician the same thing, whatever their uuids, suggestions or links.
     */
    private String substance(Card card) {
        return patientHash.hex(String.join(
                "\0",
                ruleId(card),
                card.indicator(),
                Objects.requireNonNullElse(card.summary(), ""),
                Objects.requireNonNullElse(card.detail(), "")));
    }

    @Override
    public List<RuleSummary> summarize(Instant from, Instant to) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        jdbc.query(
                "SELECT rule_id, COUNT(*) FROM issued_card WHERE issued_at >= ? AND issued_at < ?"
                        + " GROUP BY rule_id",
                row -> {
                    counts.computeIfAbsent(row.getString(1), k -> new long[3])[0] = row.getLong(2);
                },
                timestamp(from),
                timestamp(to));
        // Feedback on a card this store has no row for (issued before the store existed, or not by us) is kept
        // under UNKNOWN_RULE rather than dropped.
        jdbc.query(
                "SELECT c.rule_id, f.outcome, f.override_reason, COUNT(*)"
                        + " FROM card_feedback f LEFT JOIN issued_card c ON c.card_uuid = f.card_uuid"
                        + " WHERE f.outcome_at >= ? AND f.outcome_at < ?"
                        + " GROUP BY c.rule_id, f.outcome, f.override_reason",
                row -> {
                    String rule = row.getString(1) == null ? UNKNOWN_RULE : row.getString(1);
                    long n = row.getLong(4);
                    long[] ruleCounts = counts.computeIfAbsent(rule, k -> new long[3]);
                    if ("accepted".equals(row.getString(2))) {
                        ruleCounts[1] += n;
                    } else {
                        ruleCounts[2] += n;
                        String reason = row.getString(3) == null ? NO_REASON : row.getString(3);
                        reasons.computeIfAbsent(rule, k -> new HashMap<>()).merge(reason, n, Long::sum);
                    }
                },
                timestamp(from),
                timestamp(to));
        List<RuleSummary> summaries = new ArrayList<>();
        counts.forEach((rule, c) ->
                summaries.add(new RuleSummary(rule, c[0], c[1], c[2], reasons.getOrDefault(rule, Map.of()))));
        summaries.addAll(options(from, to));
        summaries.sort(
                Comparator.comparing(RuleSummary::ruleId).thenComparing(r -> r.partOf() == null ? "" : r.partOf()));
        return summaries;
    }

    /**
     * The option rules inside composed cards (the next-line consult): how many such cards listed each, and how many
     * accepted feedback items named one of its suggestions.
     */
    private List<RuleSummary> options(Instant from, Instant to) {
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT o.rule_id, c.rule_id, COUNT(*) FROM issued_option o JOIN issued_card c"
                        + " ON c.card_uuid = o.card_uuid WHERE c.issued_at >= ? AND c.issued_at < ?"
                        + " GROUP BY o.rule_id, c.rule_id",
                row -> {
                    counts.computeIfAbsent(List.of(row.getString(1), row.getString(2)), k -> new long[2])[0] =
                            row.getLong(3);
                },
                timestamp(from),
                timestamp(to));
        jdbc.query(
                "SELECT s.rule_id, c.rule_id, COUNT(DISTINCT f.id) FROM card_feedback f"
                        + " JOIN feedback_suggestion fs ON fs.card_uuid = f.card_uuid AND fs.outcome_at = f.outcome_at"
                        + " JOIN issued_suggestion s ON s.card_uuid = fs.card_uuid"
                        + " AND s.suggestion_uuid = fs.suggestion_id"
                        + " JOIN issued_card c ON c.card_uuid = s.card_uuid"
                        + " WHERE f.outcome = 'accepted' AND f.outcome_at >= ? AND f.outcome_at < ?"
                        + " AND c.rule_id <> s.rule_id GROUP BY s.rule_id, c.rule_id",
                row -> {
                    counts.computeIfAbsent(List.of(row.getString(1), row.getString(2)), k -> new long[2])[1] =
                            row.getLong(3);
                },
                timestamp(from),
                timestamp(to));
        List<RuleSummary> options = new ArrayList<>();
        counts.forEach((rule, c) -> options.add(new RuleSummary(rule.get(0), c[0], c[1], 0, Map.of(), rule.get(1))));
        return options;
    }

    /** The rule id travels in {@code source.topic}; {@link Card#ruleId()} is the same value before serialisation. */
    private static String ruleId(Card card) {
        if (card.ruleId() != null) {
            return card.ruleId();
        }
        return card.source() != null && card.source().topic() != null
                ? card.source().topic().code()
                : UNKNOWN_RULE;
    }

    /** Microseconds, UTC: what both H2 and PostgreSQL keep, so an item read back compares equal to itself. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
