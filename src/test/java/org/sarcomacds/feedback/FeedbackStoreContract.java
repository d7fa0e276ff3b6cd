package org.sarcomacds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Card;
import org.sarcomacds.cards.CardSource;
import org.sarcomacds.cards.Coding;
import org.sarcomacds.security.KeyedHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every database under the feedback store must do, run against H2 ({@link H2FeedbackStoreTest}) and a real
 * PostgreSQL ({@link PostgresFeedbackStoreIT}). Each test uses its own rule ids and a time window of its own, so the
 * tests also pass on a database that keeps rows from earlier runs.
 */
abstract class FeedbackStoreContract {

    static final String CARD_RULE_SYSTEM = "https://sarcomacds.org/fhir/CodeSystem/cds-rule";

    private JdbcFeedbackStore store;
    private JdbcTemplate jdbc;
    private String rule;
    private Instant window;

    abstract DataSource dataSource();

    @BeforeEach
    void migratedStore() {
        DataSource dataSource = dataSource();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new JdbcFeedbackStore(
                jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), "contract-test-key");
        rule = "TEST-RULE-" + UUID.randomUUID();
        // A window far from now and from other tests: a random whole day in the 2100s.
        window = Instant.parse("2100-01-01T00:00:00Z").plusSeconds(86_400L * (long) (Math.random() * 30_000));
    }

    private Card card(String ruleId, String indicator) {
        return new Card(
                UUID.randomUUID().toString(),
                "summary",
                null,
                indicator,
                new CardSource("label", null, new Coding(CARD_RULE_SYSTEM, ruleId, null)),
                List.of(),
                null,
                List.of(),
                List.of(),
                ruleId);
    }

    private Feedback overridden(Card card, String reason, Instant at) {
        return new Feedback(card.uuid(), "overridden", List.of(), reason, at.toString());
    }

    private RuleSummary summary(String ruleId) {
        return store.summarize(window, window.plusSeconds(3600)).stream()
                .filter(s -> s.ruleId().equals(ruleId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theSameItemTwiceIsStoredOnce() {
        Card card = card(rule, "warning");
        Feedback item = overridden(card, "tumour-board", window);
        assertThat(store.recordFeedback("svc", item)).isTrue();
        assertThat(store.recordFeedback("svc", item)).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM card_feedback WHERE card_uuid = ?", Long.class, card.uuid()))
                .isEqualTo(1);
    }

    @Test
    void theSameInstantWrittenWithAnotherOffsetIsTheSameItem() {
        Card card = card(rule, "warning");
        assertThat(store.recordFeedback(
                        "svc", new Feedback(card.uuid(), "overridden", List.of(), null, "2100-01-01T10:00:00Z")))
                .isTrue();
        assertThat(store.recordFeedback(
                        "svc", new Feedback(card.uuid(), "overridden", List.of(), null, "2100-01-01T11:00:00+01:00")))
                .isFalse();
    }

    @Test
    void anotherOutcomeOrTimeIsAnotherItem() {
        Card card = card(rule, "warning");
        assertThat(store.recordFeedback("svc", overridden(card, null, window))).isTrue();
        assertThat(store.recordFeedback(
                        "svc", new Feedback(card.uuid(), "accepted", List.of("s1"), null, window.toString())))
                .isTrue();
        assertThat(store.recordFeedback("svc", overridden(card, null, window.plusMillis(1))))
                .isTrue();
    }

    @Test
    void theSameItemSentToAnotherServiceIsStoredOnce() {
        Card card = card(rule, "warning");
        store.recordIssued(List.of(new IssuedCards("svc", "h", "p", window, List.of(card))));
        assertThat(store.recordFeedback("svc", overridden(card, "x", window.plusSeconds(1))))
                .isTrue();
        assertThat(store.recordFeedback("other", overridden(card, "x", window.plusSeconds(1))))
                .isFalse();
        assertThat(summary(rule).overridden()).isEqualTo(1);
    }

    @Test
    void aCallTheDatabaseRefusesCostsNoOtherCallItsCards() {
        Card stored = card(rule, "info");
        store.recordIssued(List.of(new IssuedCards("svc", "earlier", "p", window, List.of(stored))));
        // The same card uuid again: the primary key refuses it, as the database refuses any value it cannot keep.
        IssuedCardWriter writer = new IssuedCardWriter(store, 100, Duration.ofMinutes(10));
        writer.start();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writer.submit(
                    new IssuedCards("svc", "ok-before-" + i, "p", window, List.of(card(rule, "info"))),
                    () -> failed.add("ok"));
        }
        writer.submit(new IssuedCards("svc", "poisoned", "p", window, List.of(stored)), () -> failed.add("poisoned"));
        for (int i = 0; i < 5; i++) {
            writer.submit(
                    new IssuedCards("svc", "ok-after-" + i, "p", window, List.of(card(rule, "info"))),
                    () -> failed.add("ok"));
        }
        writer.flush();
        writer.stop();
        assertThat(failed).containsExactly("poisoned");
        assertThat(summary(rule).shown())
                .as("the earlier card and the ten others")
                .isEqualTo(11);
    }

    @Test
    void summaryCountsShownAcceptedOverriddenAndReasonsPerRule() {
        Card a = card(rule, "warning");
        Card b = card(rule, "warning");
        Card c = card(rule, "warning");
        String otherRule = rule + "-OTHER";
        Card d = card(otherRule, "info");
        store.recordIssued(
                List.of(new IssuedCards("svc", "hook-1", "patient-1", window.plusSeconds(10), List.of(a, b, c, d))));
        store.recordFeedback(
                "svc",
                new Feedback(
                        a.uuid(),
                        "accepted",
                        List.of("s1"),
                        null,
                        window.plusSeconds(20).toString()));
        store.recordFeedback("svc", overridden(b, "tumour-board", window.plusSeconds(30)));
        store.recordFeedback("svc", overridden(c, "tumour-board", window.plusSeconds(40)));
        store.recordFeedback("svc", overridden(d, null, window.plusSeconds(50)));

        assertThat(summary(rule)).isEqualTo(new RuleSummary(rule, 3, 1, 2, Map.of("tumour-board", 2L)));
        assertThat(summary(otherRule))
                .isEqualTo(new RuleSummary(otherRule, 1, 0, 1, Map.of(JdbcFeedbackStore.NO_REASON, 1L)));
    }

    @Test
    void theWindowIncludesFromAndExcludesTo() {
        Card inside = card(rule, "info");
        Card atEnd = card(rule, "info");
        store.recordIssued(List.of(new IssuedCards("svc", "h", "p", window, List.of(inside))));
        store.recordIssued(List.of(new IssuedCards("svc", "h", "p", window.plusSeconds(3600), List.of(atEnd))));
        assertThat(summary(rule).shown()).isEqualTo(1);
    }

    @Test
    void feedbackOnACardThisServiceDidNotIssueIsKeptUnderUnknown() {
        Card foreign = card(rule, "warning");
        store.recordFeedback("svc", overridden(foreign, "x", window.plusSeconds(1)));
        assertThat(store.summarize(window, window.plusSeconds(3600)))
                .anySatisfy(s -> assertThat(s.ruleId()).isEqualTo(JdbcFeedbackStore.UNKNOWN_RULE));
    }

    @Test
    void theStoreHoldsAKeyedHashNeverThePatientId() {
        Card card = card(rule, "info");
        store.recordIssued(List.of(new IssuedCards("svc", "hook-9", "patient-secret-42", window, List.of(card))));
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM issued_card WHERE card_uuid = ?", card.uuid());
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains("patient-secret-42"));
        String hash = (String) row.get(row.containsKey("PATIENT_HASH") ? "PATIENT_HASH" : "patient_hash");
        assertThat(hash)
                .hasSize(64)
                .isEqualTo(new KeyedHash("contract-test-key").hex("patient-secret-42"))
                .isNotEqualTo(new KeyedHash("another-key").hex("patient-secret-42"));
        assertThat(row.get(row.containsKey("RULE_ID") ? "RULE_ID" : "rule_id")).isEqualTo(rule);
        assertThat(row.get(row.containsKey("HOOK_INSTANCE") ? "HOOK_INSTANCE" : "hook_instance"))
                .isEqualTo("hook-9");
    }

    @Test
    void manyCallsInOneWriteAreAllStored() {
        Card a = card(rule, "info");
        Card b = card(rule, "warning");
        Card c = card(rule, "critical");
        store.recordIssued(List.of(
                new IssuedCards("svc", "h1", "p1", window, List.of(a)),
                new IssuedCards("svc", "h2", "p2", window, List.of()),
                new IssuedCards("svc", "h3", "p3", window.plusSeconds(5), List.of(b, c))));
        store.recordIssued(List.of());
        assertThat(summary(rule).shown()).isEqualTo(3);
    }

    @Test
    void cardsHandedToTheWriterAreStoredByFlushAndByStop() {
        IssuedCardWriter writer = new IssuedCardWriter(store, 100, Duration.ofMinutes(10));
        writer.start();
        List<String> failures = new ArrayList<>();
        for (String hook : List.of("h1", "h2")) {
            writer.submit(
                    new IssuedCards("svc", hook, "p", window, List.of(card(rule, "info"))), () -> failures.add(hook));
        }
        writer.flush();
        assertThat(summary(rule).shown())
                .as("written by flush, long before the 10 min delay")
                .isEqualTo(2);
        writer.submit(new IssuedCards("svc", "h3", "p", window, List.of(card(rule, "info"))), () -> failures.add("h3"));
        writer.stop();
        assertThat(summary(rule).shown()).as("written by stop").isEqualTo(3);
        assertThat(failures).isEmpty();
    }

    /** An order-select or order-sign card of this rule about these drafts, issued to a user in an encounter. */
    private Card draftCard(String indicator, String... drafts) {
        return draftCardSaying(indicator, "Pre-dose checks not met (Total bilirubin, LVEF)", drafts);
    }

    private Card draftCardSaying(String indicator, String summary, String... drafts) {
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                "- Total bilirubin 1.4 mg/dL (1.17 × ULN)\n- LVEF 40 %",
                indicator,
                new CardSource("label", null, new Coding(CARD_RULE_SYSTEM, rule, null)),
                List.of(),
                null,
                List.of(),
                List.of(),
                rule,
                List.of(),
                Map.of(),
                List.of(drafts));
    }

    /** The same card as the order-sign call would build it: the same words, another uuid. */
    private static Card again(Card card, String summary, String detail, String indicator) {
        return again(card, summary, detail, indicator, card.concerns());
    }

    private static Card again(Card card, String summary, String detail, String indicator, List<String> drafts) {
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                detail,
                indicator,
                card.source(),
                List.of(),
                null,
                List.of(),
                List.of(),
                card.ruleId(),
                List.of(),
                Map.of(),
                drafts);
    }

    private void issuedAtSelect(Card card, String encounter, boolean signFiltering) {
        store.recordIssued(List.of(new IssuedCards(
                "lms-order-select",
                "select-1",
                "patient-1",
                window,
                List.of(card),
                "order-select",
                encounter,
                "Practitioner/u1",
                signFiltering)));
    }

    /** Whether the sign card {@code card} (with these drafts) counts as answered at order-select. */
    private boolean answered(String encounter, String user, Card card, String... drafts) {
        Card sign = again(
                card,
                card.summary(),
                card.detail(),
                card.indicator(),
                drafts.length == 0 ? card.concerns() : List.of(drafts));
        return store.answeredAtSelect("patient-1", encounter, user, sign);
    }

    @Test
    void aCardAnsweredAtSelectIsKnownForTheSameDraftsEncounterAndUserOnly() {
        Card card = draftCard("warning", "MedicationRequest/d1", "MedicationRequest/d2");
        issuedAtSelect(card, "Encounter/e1", true);

        assertThat(answered("Encounter/e1", "Practitioner/u1", card, "MedicationRequest/d1"))
                .as("issued, but not answered yet")
                .isFalse();
        store.recordFeedback("lms-order-select", overridden(card, "tumour-board", window.plusSeconds(5)));

        assertThat(answered("Encounter/e1", "Practitioner/u1", card, "MedicationRequest/d1", "MedicationRequest/d2"))
                .isTrue();
        assertThat(answered("Encounter/e2", "Practitioner/u1", card, "MedicationRequest/d1"))
                .as("another encounter")
                .isFalse();
        assertThat(answered("Encounter/e1", "Practitioner/u2", card, "MedicationRequest/d1"))
                .as("another user: a resident selects, an attending signs")
                .isFalse();
        assertThat(answered("Encounter/e1", "Practitioner/u1", card, "MedicationRequest/d1", "MedicationRequest/d3"))
                .as("a draft the answered card was not about")
                .isFalse();
    }

    @Test
    void onlyASignCardIdenticalInSubstanceToTheAnsweredOneCountsAsAnswered() {
        Card card = draftCard("warning", "MedicationRequest/d1");
        issuedAtSelect(card, "Encounter/e1", true);
        store.recordFeedback("lms-order-select", overridden(card, "tumour-board", window.plusSeconds(5)));
        String encounter = "Encounter/e1";
        String user = "Practitioner/u1";

        assertThat(store.answeredAtSelect(
                        "patient-1", encounter, user, again(card, card.summary(), card.detail(), "warning")))
                .as("the same words on a card of another uuid")
                .isTrue();
        assertThat(store.answeredAtSelect(
                        "patient-1",
                        encounter,
                        user,
                        again(card, "Pre-dose checks not met (Total bilirubin, ANC, LVEF)", card.detail(), "warning")))
                .as("a criterion that failed since order-select")
                .isFalse();
        assertThat(store.answeredAtSelect(
                        "patient-1",
                        encounter,
                        user,
                        again(card, card.summary(), card.detail() + "\n- ANC 0.6 10*3/uL", "warning")))
                .as("a new result in the detail")
                .isFalse();
        assertThat(store.answeredAtSelect(
                        "patient-1", encounter, user, again(card, card.summary(), card.detail(), "critical")))
                .as("an answered warning does not stand for a critical card")
                .isFalse();
    }

    @Test
    void anAnsweredCriticalStandsOnlyForTheSameCritical() {
        Card card = draftCardSaying("critical", "Do not give trabectedin", "MedicationRequest/d1");
        issuedAtSelect(card, "Encounter/e1", true);
        store.recordFeedback("lms-order-select", overridden(card, "treating-team", window.plusSeconds(5)));

        assertThat(answered("Encounter/e1", "Practitioner/u1", card)).isTrue();
        assertThat(store.answeredAtSelect(
                        "patient-1",
                        "Encounter/e1",
                        "Practitioner/u1",
                        again(card, card.summary(), card.detail(), "warning")))
                .as("a warning after an answered critical says something else: shown")
                .isFalse();
    }

    @Test
    void aCardIssuedBeforeItsSubstanceWasKeptIsNeverCountedAsAnswered() {
        Card card = draftCard("warning", "MedicationRequest/d1");
        issuedAtSelect(card, "Encounter/e1", true);
        store.recordFeedback("lms-order-select", overridden(card, "tumour-board", window.plusSeconds(5)));
        jdbc.update("UPDATE issued_card SET substance_hash = NULL WHERE card_uuid = ?", card.uuid());

        assertThat(answered("Encounter/e1", "Practitioner/u1", card)).isFalse();
    }

    @Test
    void theSubstanceIsAKeyedHashNotTheCardText() {
        Card card = draftCard("warning", "MedicationRequest/d1");
        issuedAtSelect(card, "Encounter/e1", true);

        String substance = jdbc.queryForObject(
                "SELECT substance_hash FROM issued_card WHERE card_uuid = ?", String.class, card.uuid());
        assertThat(substance).hasSize(64).doesNotContain("bilirubin").doesNotContain("LVEF");
    }

    @Test
    void aCardWhoseClientRefusedOrderSignFilteringIsNeverCountedAsAnswered() {
        Card card = draftCard("critical", "MedicationRequest/d9");
        issuedAtSelect(card, "Encounter/e1", false);
        store.recordFeedback("lms-order-select", overridden(card, "treating-team", window.plusSeconds(5)));

        assertThat(answered("Encounter/e1", "Practitioner/u1", card)).isFalse();
    }

    @Test
    void noEncounterMeansNothingWasAnswered() {
        Card card = draftCard("warning", "MedicationRequest/d1");
        issuedAtSelect(card, null, true);
        store.recordFeedback("lms-order-select", overridden(card, "tumour-board", window.plusSeconds(5)));

        assertThat(answered(null, "Practitioner/u1", card)).isFalse();
    }

    @Test
    void theStoreKeepsNoIdOfAnEncounterUserOrDraftOnlyKeyedHashes() {
        Card card = draftCard("warning", "MedicationRequest/d-secret");
        issuedAtSelect(card, "Encounter/e-secret", true);

        String row = jdbc.queryForList(
                        "SELECT c.encounter_hash, c.user_hash, d.draft_hash FROM issued_card c JOIN issued_card_draft d"
                                + " ON d.card_uuid = c.card_uuid WHERE c.card_uuid = ?",
                        card.uuid())
                .toString();
        assertThat(row)
                .doesNotContain("secret")
                .doesNotContain("Practitioner")
                .contains(new KeyedHash("contract-test-key").hex("Encounter/e-secret"));
    }
}
