package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.patient;

import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.Pregnancy;

class TrabectedinPregnancyRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinPregnancyRule.SPEC);

    @Test
    void warnsWhenTrabectedinIsOrderedForAPatientRecordedAsPregnant() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT, ordered().pregnancy(status(true)).build())
                .orElseThrow();

        assertThat(finding.indicator()).isNull();
        assertThat(Rendered.fill(finding, "pregnancy")).isEqualTo("Pregnancy status pregnant, " + TODAY.minusDays(7));
        assertThat(Rendered.fill(finding, "result"))
                .isEqualTo("- Pregnancy: Pregnancy status pregnant, " + TODAY.minusDays(7) + " — Observation/preg");
        assertThat(finding.concerns()).hasSize(1);
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_DRAFT_ORDER);
    }

    @Test
    void aPregnancyRecordedForAMalePatientSaysTheRecordConflicts() {
        Pregnancy male = new Pregnancy(
                true, TODAY.minusDays(7), "Observation/preg", "Pregnancy status", Pregnancy.How.STATUS_ANSWER, true);

        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT, ordered().pregnancy(male).build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "conflict"))
                .contains("The record gives the patient's sex as male")
                .contains("the record conflicts");
        assertThat(Rendered.fill(
                        rule.evaluate(
                                        Hook.ORDER_SELECT,
                                        ordered().pregnancy(status(true)).build())
                                .orElseThrow(),
                        "conflict"))
                .isEmpty();
    }

    @Test
    void warnsOnPatientViewWhenTrabectedinIsCurrent() {
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        patient()
                                .lms()
                                .current(Concepts.TRABECTEDIN)
                                .pregnancy(status(true))
                                .build()))
                .hasValueSatisfying(f ->
                        assertThat(f.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_CURRENT_TRABECTEDIN));
    }

    @Test
    void saysHowAPositiveHcgWasRead() {
        assertThat(fill(hcg(Pregnancy.How.HCG_INTERPRETATION)))
                .isEqualTo("Serum hCG positive (by its interpretation), " + TODAY.minusDays(7));
        assertThat(fill(hcg(Pregnancy.How.HCG_ABOVE_RANGE))).contains("positive (above its reference range)");
        assertThat(fill(hcg(Pregnancy.How.HCG_WORDS)))
                .contains("positive (read from the words of the result, not a code: check the record)");
    }

    @Test
    void anHcgThatCannotBeJudgedIsSaidRatherThanLeftSilent() {
        Pregnancy notJudged =
                new Pregnancy(false, TODAY.minusDays(2), "Observation/hcg", "Serum hCG", Pregnancy.How.HCG_NOT_JUDGED);

        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT, ordered().pregnancy(notJudged).build())
                .orElseThrow();

        assertThat(Rendered.summary(finding))
                .isEqualTo("Trabectedin: an hCG result cannot be judged, so pregnancy is not ruled out; the labels"
                        + " warn of fetal harm");
        assertThat(Rendered.fill(finding, "heading")).startsWith("hCG cannot be judged");
        assertThat(Rendered.fill(finding, "pregnancy"))
                .isEqualTo("Serum hCG of " + TODAY.minusDays(2)
                        + ": no upper limit in its unit applies to this patient, so it cannot be judged positive or"
                        + " negative");
        assertThat(Rendered.fill(finding, "result")).endsWith("— Observation/hcg");
    }

    @Test
    void aPregnantCardKeepsItsHeadingAndSummary() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT, ordered().pregnancy(status(true)).build())
                .orElseThrow();

        assertThat(finding.summary()).isNull();
        assertThat(Rendered.fill(finding, "heading")).isEqualTo("The record says the patient is pregnant");
    }

    @Test
    void quietWhenTheLatestResultSaysNotPregnant() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT, ordered().pregnancy(status(false)).build()))
                .isEmpty();
    }

    @Test
    void quietWithoutAPregnancyResult() {
        assertThat(rule.evaluate(Hook.ORDER_SIGN, ordered().build())).isEmpty();
    }

    @Test
    void quietWhenTrabectedinIsNeitherUnderReviewNorCurrent() {
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        patient()
                                .lms()
                                .past(Concepts.TRABECTEDIN)
                                .pregnancy(status(true))
                                .build()))
                .isEmpty();
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .draft(Concepts.TRABECTEDIN, false)
                                .draft(Concepts.DEXAMETHASONE, true)
                                .pregnancy(status(true))
                                .build()))
                .isEmpty();
    }

    @Test
    void neverSpeaksWithoutLeiomyosarcoma() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .draft(Concepts.TRABECTEDIN, false)
                                .pregnancy(status(true))
                                .build()))
                .isEmpty();
    }

    private String fill(Pregnancy pregnancy) {
        return Rendered.fill(
                rule.evaluate(Hook.ORDER_SIGN, ordered().pregnancy(pregnancy).build())
                        .orElseThrow(),
                "pregnancy");
    }

    private static FactsBuilder ordered() {
        return patient().lms().draft(Concepts.TRABECTEDIN, true);
    }

    private static Pregnancy status(boolean pregnant) {
        return new Pregnancy(
                pregnant, TODAY.minusDays(7), "Observation/preg", "Pregnancy status", Pregnancy.How.STATUS_ANSWER);
    }

    private static Pregnancy hcg(Pregnancy.How how) {
        return new Pregnancy(true, TODAY.minusDays(7), "Observation/hcg", "Serum hCG", how);
    }
}
