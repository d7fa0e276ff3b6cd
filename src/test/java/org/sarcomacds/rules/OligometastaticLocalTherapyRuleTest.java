package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.LIVER;
import static org.sarcomacds.rules.FactsBuilder.LUNG;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class OligometastaticLocalTherapyRuleTest {

    private static final LocalDate DIAGNOSIS = LocalDate.of(2023, 6, 1);
    /** The end of curative treatment: the leiomyosarcoma Condition's abatement. */
    private static final LocalDate RESECTED = LocalDate.of(2024, 1, 15);

    private static final LocalDate TWELVE_MONTHS_LATER = LocalDate.of(2025, 1, 15);

    private final RuleUnderTest rule = new RuleUnderTest(OligometastaticLocalTherapyRule.SPEC);

    @Test
    void firesWithFiveSiteSpecificMetastasesAfterTwelveMonths() {
        Finding finding = fire(sitedMetastases(5, TWELVE_MONTHS_LATER));

        assertThat(finding.fills()).containsEntry("count", "5").containsEntry("interval", "12");
        assertThat(Rendered.fill(finding, "sites")).isEqualTo("lung");
    }

    @Test
    void namesEachSiteOnce() {
        Finding finding = fire(patient()
                .lms(DIAGNOSIS, RESECTED)
                .metastasis(LUNG, TWELVE_MONTHS_LATER)
                .metastasis(LUNG, TWELVE_MONTHS_LATER)
                .metastasis(LIVER, TWELVE_MONTHS_LATER));

        assertThat(finding.fills()).containsEntry("count", "3");
        assertThat(Rendered.fill(finding, "sites")).isEqualTo("lung, liver");
    }

    @Test
    void quietWithSixMetastases() {
        assertThat(evaluate(sitedMetastases(6, TWELVE_MONTHS_LATER))).isEmpty();
    }

    @Test
    void quietWithElevenMonthsDiseaseFree() {
        assertThat(evaluate(sitedMetastases(2, LocalDate.of(2024, 12, 15)))).isEmpty();
    }

    @Test
    void quietWhenAMetastasisConditionHasNoSite() {
        assertThat(evaluate(sitedMetastases(2, TWELVE_MONTHS_LATER).metastasis(null, TWELVE_MONTHS_LATER)))
                .isEmpty();
    }

    @Test
    void quietWithAWidespreadCode() {
        assertThat(evaluate(sitedMetastases(1, TWELVE_MONTHS_LATER)
                        .metastasis(Concepts.METASTASIS_WIDESPREAD, TWELVE_MONTHS_LATER)))
                .isEmpty();
    }

    @Test
    void quietWithAnUnconfirmedMetastasis() {
        assertThat(evaluate(sitedMetastases(1, TWELVE_MONTHS_LATER)
                        .metastasis(
                                LIVER, TWELVE_MONTHS_LATER, true, "not confirmed (verification status provisional)")))
                .isEmpty();
    }

    @Test
    void quietWhenAMetastasisHasNoOnset() {
        assertThat(evaluate(sitedMetastases(1, TWELVE_MONTHS_LATER).metastasis(LIVER, null)))
                .isEmpty();
    }

    @Test
    void quietWhenNoEndOfCurativeTreatmentIsRecordedEvenLongAfterTheDiagnosis() {
        assertThat(evaluate(patient().lms(DIAGNOSIS).metastasis(LUNG, TWELVE_MONTHS_LATER)))
                .isEmpty();
    }

    @Test
    void theEndOfACompletedTherapyBeforeTheMetastasisStartsTheInterval() {
        Finding finding = fire(patient()
                .lms(DIAGNOSIS)
                .completed(Concepts.DOXORUBICIN, LocalDate.of(2023, 11, 30))
                .metastasis(LUNG, TWELVE_MONTHS_LATER));

        assertThat(finding.fills()).containsEntry("interval", "13");
    }

    @Test
    void inactiveMetastasesAreNotCounted() {
        FactsBuilder facts =
                sitedMetastases(5, TWELVE_MONTHS_LATER).metastasis(LIVER, LocalDate.of(2024, 3, 1), false, "");

        assertThat(fire(facts).fills()).containsEntry("count", "5").containsEntry("interval", "12");
    }

    private static FactsBuilder sitedMetastases(int count, LocalDate onset) {
        FactsBuilder facts = patient().lms(DIAGNOSIS, RESECTED);
        for (int i = 0; i < count; i++) {
            facts.metastasis(LUNG, onset);
        }
        return facts;
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
