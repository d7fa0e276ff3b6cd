package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.patient;

import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Hook;

class GemcitabinePazopanibRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(GemcitabinePazopanibRule.SPEC);

    @Test
    void patientViewFiresWhenBothAreCurrent() {
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        patient()
                                .lms()
                                .current(Concepts.GEMCITABINE)
                                .current(Concepts.PAZOPANIB)
                                .build()))
                .hasValueSatisfying(f -> {
                    assertThat(Rendered.fill(f, "combination")).contains("as current together");
                    assertThat(f.removals()).isEmpty();
                });
    }

    @Test
    void patientViewQuietWhenOnlyOneIsCurrent() {
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        patient()
                                .lms()
                                .current(Concepts.GEMCITABINE)
                                .past(Concepts.PAZOPANIB)
                                .build()))
                .isEmpty();
    }

    @Test
    void orderSignFiresForAGemcitabineDraftWhilePazopanibIsCurrent() {
        FactsBuilder facts = patient().lms().current(Concepts.PAZOPANIB).draft(Concepts.GEMCITABINE, false);

        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build())).hasValueSatisfying(f -> {
            assertThat(f.removals()).extracting(d -> d.drug().concept()).containsExactly(Concepts.GEMCITABINE);
            assertThat(Rendered.fill(f, "combination"))
                    .isEqualTo(
                            "**The draft order for gemcitabine would combine it with pazopanib, which the record shows as active.**");
        });
    }

    @Test
    void orderSignFiresForDraftsOfBothAndOffersToRemoveEach() {
        FactsBuilder facts = patient().lms().draft(Concepts.GEMCITABINE, false).draft(Concepts.PAZOPANIB, false);

        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build())).hasValueSatisfying(f -> {
            assertThat(f.removals()).hasSize(2);
            assertThat(Rendered.fill(f, "combination")).contains("draft orders combine gemcitabine with pazopanib");
        });
    }

    @Test
    void orderSignQuietForAGemcitabineDraftAfterPastPazopanib() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .lms()
                                .past(Concepts.PAZOPANIB)
                                .draft(Concepts.GEMCITABINE, false)
                                .build()))
                .isEmpty();
    }

    @Test
    void orderSelectFiresWhenTheSelectedDraftIsOffending() {
        FactsBuilder facts = patient().lms().current(Concepts.GEMCITABINE).draft(Concepts.PAZOPANIB, true);

        assertThat(rule.evaluate(Hook.ORDER_SELECT, facts.build()))
                .hasValueSatisfying(f -> assertThat(f.removals())
                        .singleElement()
                        .satisfies(d -> assertThat(d.selected()).isTrue()));
    }

    @Test
    void orderSelectQuietWhenTheSelectionIsAnUnrelatedDraft() {
        FactsBuilder facts = patient()
                .lms()
                .draft(Concepts.GEMCITABINE, false)
                .draft(Concepts.PAZOPANIB, false)
                .draft(Concepts.DEXAMETHASONE, true);

        assertThat(rule.evaluate(Hook.ORDER_SELECT, facts.build())).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build())).isPresent();
    }

    @Test
    void quietWithoutLeiomyosarcoma() {
        FactsBuilder facts = patient()
                .current(Concepts.GEMCITABINE)
                .current(Concepts.PAZOPANIB)
                .draft(Concepts.GEMCITABINE, true);

        assertThat(rule.evaluate(Hook.PATIENT_VIEW, facts.build())).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build())).isEmpty();
    }

    @Test
    void removalsCarryTheDraftReference() {
        FactsBuilder facts = patient().lms().current(Concepts.PAZOPANIB).draft(Concepts.GEMCITABINE, false);

        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build()).orElseThrow().removals())
                .extracting(DraftOrder::drug)
                .allSatisfy(d -> assertThat(d.reference()).startsWith("MedicationRequest/draft-gemcitabine"));
    }
}
