package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.patient;

import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Cyp3a;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.Route;

class TrabectedinCyp3aRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinCyp3aRule.SPEC);

    @Test
    void firesWithACurrentStrongInhibitorAndNamesItWithItsStrength() {
        Finding finding = rule.evaluate(
                        Hook.PATIENT_VIEW,
                        onTrabectedin().current(Concepts.CYP3A_INHIBITORS).build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "interaction"))
                .isEqualTo("- **strong-cyp3a-inhibitors** (strong CYP3A inhibitor) can raise trabectedin exposure.");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_STRONG_CYP3A_INHIBITOR);
        assertThat(finding.notes()).isEmpty();
    }

    @Test
    void aModerateInhibitorIsNamedAsModerate() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT,
                        ordered().current(Concepts.CYP3A_MODERATE_INHIBITORS).build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "interaction"))
                .isEqualTo("- **moderate-cyp3a-inhibitors** (moderate CYP3A inhibitor) can raise trabectedin"
                        + " exposure.");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_MODERATE_CYP3A_INHIBITOR);
    }

    @Test
    void inhibitorsOfBothStrengthsAndAnInducerEachGetTheirLineStrongInhibitorsFirst() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .lms()
                                .current(Concepts.CYP3A_INDUCERS)
                                .current(Concepts.CYP3A_MODERATE_INHIBITORS)
                                .current(Concepts.CYP3A_INHIBITORS)
                                .draft(Concepts.TRABECTEDIN, false)
                                .build())
                .orElseThrow();

        assertThat(Rendered.fill(finding, "interaction").lines())
                .containsExactly(
                        "- **strong-cyp3a-inhibitors** (strong CYP3A inhibitor) can raise trabectedin exposure.",
                        "- **moderate-cyp3a-inhibitors** (moderate CYP3A inhibitor) can raise trabectedin exposure.",
                        "- **strong-cyp3a-inducers** (strong CYP3A inducer) can lower trabectedin exposure.");
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
        assertThat(finding.concerns()).hasSize(2);
    }

    @Test
    void aDrugWhoseRouteIsNotRecordedCountsAndTheCardSaysSo() {
        Fact noRoute = FactsBuilder.medication(Concepts.CYP3A_INHIBITORS, "active", true, "")
                .withUse(new Fact.Use(
                        Route.NOT_RECORDED, null, new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.STRONG)));

        Finding finding = rule.evaluate(
                        Hook.PATIENT_VIEW, onTrabectedin().exposure(noRoute).build())
                .orElseThrow();

        assertThat(Rendered.notes(finding))
                .containsExactly("No route is recorded for strong-cyp3a-inhibitors"
                        + " (MedicationStatement/strong-cyp3a-inhibitors-active): it was taken as given systemically.");
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
    void firesWhenAModerateInhibitorIsOrderedWhileTrabectedinRuns() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        onTrabectedin()
                                .draft(Concepts.CYP3A_MODERATE_INHIBITORS, true)
                                .build()))
                .hasValueSatisfying(
                        f -> assertThat(Rendered.fill(f, "interaction")).contains("(moderate CYP3A inhibitor)"));
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
    void firesWhenAnInhibitorIsSelectedWithATrabectedinDraftInTheSameOrder() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .draft(Concepts.TRABECTEDIN, false)
                                .draft(Concepts.CYP3A_MODERATE_INHIBITORS, true)
                                .build())
                .orElseThrow();

        assertThat(finding.evidence())
                .extracting(Evidence::role)
                .containsExactly(
                        Phrase.ROLE_LEIOMYOSARCOMA, Phrase.ROLE_DRAFT_ORDER, Phrase.ROLE_MODERATE_CYP3A_INHIBITOR);
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

    @Test
    void neverSpeaksWithoutLeiomyosarcoma() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .current(Concepts.TRABECTEDIN)
                                .draft(Concepts.CYP3A_INHIBITORS, false)
                                .build()))
                .isEmpty();
    }

    private static FactsBuilder onTrabectedin() {
        return patient().lms().current(Concepts.TRABECTEDIN);
    }

    private static FactsBuilder ordered() {
        return patient().lms().draft(Concepts.TRABECTEDIN, true);
    }
}
