package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class RegorafenibPazopanibRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(RegorafenibPazopanibRule.SPEC);

    @Test
    void warnsWhenRegorafenibIsDraftedWhilePazopanibIsCurrent() {
        Finding finding = fire(
                Hook.ORDER_SELECT, patient().lms().current(Concepts.PAZOPANIB).draft(Concepts.REGORAFENIB, true));

        assertThat(Rendered.fill(finding, "combination"))
                .contains("draft regorafenib order would start while the record shows pazopanib as current");
        assertThat(finding.evidence())
                .extracting(Evidence::role)
                .containsExactly(Phrase.ROLE_LEIOMYOSARCOMA, Phrase.ROLE_DRAFT_ORDER, Phrase.ROLE_CURRENT_MEDICATION);
        assertThat(finding.removals())
                .as("regorafenib usually replaces pazopanib")
                .isEmpty();
        assertThat(finding.concerns()).hasSize(1);
    }

    @Test
    void warnsWhenPazopanibIsDraftedWhileRegorafenibIsCurrentAtSign() {
        Finding finding = fire(
                Hook.ORDER_SIGN, patient().lms().current(Concepts.REGORAFENIB).draft(Concepts.PAZOPANIB, false));

        assertThat(Rendered.fill(finding, "combination")).contains("draft pazopanib order");
    }

    @Test
    void warnsWhenBothAreDrafted() {
        Finding finding = fire(
                Hook.ORDER_SIGN,
                patient().lms().draft(Concepts.REGORAFENIB, false).draft(Concepts.PAZOPANIB, false));

        assertThat(Rendered.fill(finding, "combination")).contains("combine regorafenib with pazopanib");
        assertThat(finding.concerns()).hasSize(2);
    }

    @Test
    void quietWhenPazopanibWasStopped() {
        assertThat(evaluate(
                        Hook.ORDER_SELECT,
                        patient().lms().past(Concepts.PAZOPANIB).draft(Concepts.REGORAFENIB, true)))
                .isEmpty();
    }

    @Test
    void quietOnOrderSelectWhenTheSelectionIsAnotherDrug() {
        assertThat(evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .current(Concepts.PAZOPANIB)
                                .draft(Concepts.REGORAFENIB, false)
                                .draft(Concepts.DEXAMETHASONE, true)))
                .isEmpty();
    }

    @Test
    void quietOnPatientViewAndWithoutLeiomyosarcoma() {
        assertThat(evaluate(
                        Hook.PATIENT_VIEW,
                        patient().lms().current(Concepts.PAZOPANIB).current(Concepts.REGORAFENIB)))
                .isEmpty();
        assertThat(evaluate(
                        Hook.ORDER_SELECT, patient().current(Concepts.PAZOPANIB).draft(Concepts.REGORAFENIB, true)))
                .isEmpty();
    }

    private Optional<Finding> evaluate(Hook hook, FactsBuilder facts) {
        return rule.evaluate(hook, facts.build());
    }

    private Finding fire(Hook hook, FactsBuilder facts) {
        return evaluate(hook, facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
