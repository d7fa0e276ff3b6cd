package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.patient;

import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class TrabectedinCyp3aRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinCyp3aRule.SPEC);

    @Test
    void firesWithACurrentStrongInhibitorAndNamesIt() {
        Finding finding = rule.evaluate(
                        Hook.PATIENT_VIEW,
                        onTrabectedin().current(Concepts.CYP3A_INHIBITORS).build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "interaction"))
                .isEqualTo("- **strong-cyp3a-inhibitors** (strong CYP3A inhibitor) can raise trabectedin exposure.");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_STRONG_CYP3A_INHIBITOR);
    }

    @Test
    void firesWithADraftedStrongInducerOnOrderSign() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .lms()
                                .draft(Concepts.TRABECTEDIN, false)
                                .draft(Concepts.CYP3A_INDUCERS, false)
                                .build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "interaction"))
                .contains("(strong CYP3A inducer) can lower trabectedin exposure");
    }

    @Test
    void quietWithoutAnInteractingDrug() {
        assertThat(rule.evaluate(Hook.PATIENT_VIEW, onTrabectedin().build())).isEmpty();
    }

    @Test
    void quietWhenTheInhibitorWasStopped() {
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        onTrabectedin().past(Concepts.CYP3A_INHIBITORS).build()))
                .isEmpty();
    }

    @Test
    void quietWhenTrabectedinIsNotCurrent() {
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        patient()
                                .lms()
                                .past(Concepts.TRABECTEDIN)
                                .current(Concepts.CYP3A_INHIBITORS)
                                .build()))
                .isEmpty();
    }

    @Test
    void firesWhenAnInhibitorIsOrderedWhileTrabectedinRuns() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT,
                        onTrabectedin().draft(Concepts.CYP3A_INHIBITORS, true).build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "interaction"))
                .isEqualTo(
                        "- **strong-cyp3a-inhibitors (draft)** (strong CYP3A inhibitor) can raise trabectedin exposure.");
        assertThat(finding.evidence())
                .extracting(Evidence::role)
                .containsExactly(
                        Phrase.ROLE_LEIOMYOSARCOMA,
                        Phrase.ROLE_CURRENT_TRABECTEDIN,
                        Phrase.ROLE_STRONG_CYP3A_INHIBITOR);
    }

    @Test
    void firesWhenAnInducerIsSignedWhileTrabectedinRuns() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        onTrabectedin().draft(Concepts.CYP3A_INDUCERS, false).build()))
                .hasValueSatisfying(f -> assertThat(Rendered.fill(f, "interaction"))
                        .contains("(strong CYP3A inducer) can lower trabectedin exposure"));
    }

    @Test
    void quietOnOrderSelectWhenTheSelectionIsAnotherDraft() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        onTrabectedin()
                                .draft(Concepts.CYP3A_INHIBITORS, false)
                                .draft(Concepts.DEXAMETHASONE, true)
                                .build()))
                .isEmpty();
    }

    @Test
    void quietWhenAnInhibitorIsOrderedAndTrabectedinIsNotCurrent() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .lms()
                                .past(Concepts.TRABECTEDIN)
                                .draft(Concepts.CYP3A_INHIBITORS, false)
                                .build()))
                .isEmpty();
    }

    private static FactsBuilder onTrabectedin() {
        return patient().lms().current(Concepts.TRABECTEDIN);
    }
}
