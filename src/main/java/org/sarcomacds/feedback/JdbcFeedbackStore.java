package org.sarcomacds.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        List<Object[]> rows = new ArrayList<>();
        for (IssuedCards issued : calls) {
            if (issued.cards().isEmpty()) {
                continue;
            }
            String patient = patientHash.hex(issued.patientId());
            OffsetDateTime at = timestamp(issued.issuedAt());
            for (Card card : issued.cards()) {
                rows.add(new Object[] {
                    card.uuid(),
                    issued.serviceId(),
                    ruleId(card),
                    card.indicator(),
                    StorableValues.clip(issued.hookInstance(), StorableValues.MAX_ID_LENGTH),
                    at,
                    patient
                });
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // One batch in one transaction: one round trip and one commit however many calls and cards.
        transaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO issued_card (card_uuid, service_id,"
                        + " rule_id, indicator, hook_instance, issued_at, patient_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows));
    }

    @Override
    public boolean recordFeedback(String serviceId, Feedback feedback) {
        // Insert-if-absent: the unique constraint decides, so two replicas racing on the same item store it once.
        // Each item is its own auto-committed statement, so a duplicate never aborts other work.
        try {
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
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
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
        summaries.sort((a, b) -> a.ruleId().compareTo(b.ruleId()));
        return summaries;
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
