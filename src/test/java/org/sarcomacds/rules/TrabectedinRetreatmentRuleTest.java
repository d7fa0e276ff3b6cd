package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.patient;

import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;

class TrabectedinRetreatmentRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinRetreatmentRule.SPEC);

    @Test
    void warnsWhenTrabectedinIsOrderedAgainAfterProgressionOnIt() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT,
                        ordered()
                                .stopped(
                                        Concepts.TRABECTEDIN,
                                        Fact.StopCategory.PROGRESSION,
                                        "Progressive disease on CT",
                                        TODAY.minusMonths(3))
                                .build())
                .orElseThrow();

        assertThat(Rendered.summary(finding))
                .isEqualTo("Trabectedin ordered again: it was stopped for progression (" + TODAY.minusMonths(3) + ")");
        assertThat(Rendered.fill(finding, "stops"))
                .startsWith("- **Stopped for progression** (" + TODAY.minusMonths(3)
                        + "; the record says \"Progressive disease on CT\")")
                .contains("there is no label basis for re-treatment, and this card claims none either way");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_TRABECTEDIN_STOPPED);
        assertThat(finding.concerns()).hasSize(1);
    }

    @Test
    void warnsWhenTrabectedinIsOrderedAgainAfterRhabdomyolysis() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SIGN,
                        ordered()
                                .stopped(
                                        Concepts.TRABECTEDIN,
                                        Fact.StopCategory.TOXICITY,
                                        "Rhabdomyolysis, CPK 12 x ULN",
                                        TODAY.minusMonths(2))
                                .build())
                .orElseThrow();

        assertThat(Rendered.summary(finding)).contains("stopped for toxicity");
        assertThat(Rendered.fill(finding, "stops"))
                .contains("**Stopped for toxicity**")
                .contains("The label requires blood counts, CPK and liver tests before each dose")
                .contains("neutropenic sepsis occurred in 2.6% of patients");
    }

    @Test
    void theLatestStopGivesTheSummaryAndEveryStopIsListed() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SIGN,
                        ordered()
                                .stopped(
                                        Concepts.TRABECTEDIN,
                                        Fact.StopCategory.TOXICITY,
                                        "hepatotoxicity",
                                        TODAY.minusYears(2))
                                .stopped(
                                        Concepts.TRABECTEDIN, Fact.StopCategory.PROGRESSION, "PD", TODAY.minusMonths(1))
                                .build())
                .orElseThrow();

        assertThat(Rendered.summary(finding)).contains("progression (" + TODAY.minusMonths(1) + ")");
        assertThat(Rendered.fill(finding, "stops").lines())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("- **Stopped for progression**");
    }

    @Test
    void quietWhenTheEarlierTrabectedinWasCompleted() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN, ordered().past(Concepts.TRABECTEDIN).build()))
                .isEmpty();
    }

    @Test
    void quietWhenTheEarlierTrabectedinStoppedForAnotherReason() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        ordered()
                                .stopped(Concepts.TRABECTEDIN, Fact.StopCategory.OTHER, "patient moved", TODAY)
                                .build()))
                .isEmpty();
    }

    @Test
    void quietWhenTheSelectionIsNotTheTrabectedinDraft() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .draft(Concepts.TRABECTEDIN, false)
                                .draft(Concepts.DEXAMETHASONE, true)
                                .stopped(Concepts.TRABECTEDIN, Fact.StopCategory.PROGRESSION, "PD", TODAY)
                                .build()))
                .isEmpty();
    }

    @Test
    void answersOrderHooksOnly() {
        assertThat(TrabectedinRetreatmentRule.SPEC.hooks())
                .containsExactlyInAnyOrder(Hook.ORDER_SELECT, Hook.ORDER_SIGN);
    }

    private static FactsBuilder ordered() {
        return patient().lms().draft(Concepts.TRABECTEDIN, true);
    }
}
