package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.medication;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;

class RegorafenibAlternativeRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(RegorafenibAlternativeRule.SPEC);

    @Test
    void firesWithOrdersForMetastaticLmsAfterAnthracyclineWithRecentLiverTests() {
        Finding finding = fire(afterAnthracycline().normalLiver());

        assertThat(finding.offersOrders()).isTrue();
        assertThat(Rendered.fill(finding, "pazopanib")).isEqualTo("The record shows no pazopanib.");
    }

    @Test
    void quietWithoutAnthracycline() {
        assertThat(evaluate(metastaticLms())).isEmpty();
    }

    @Test
    void quietAfterRegorafenib() {
        assertThat(evaluate(afterAnthracycline().past(Concepts.REGORAFENIB))).isEmpty();
    }

    @Test
    void quietWithCurrentRegorafenib() {
        assertThat(evaluate(afterAnthracycline().current(Concepts.REGORAFENIB))).isEmpty();
    }

    @Test
    void quietWithARegorafenibDraft() {
        assertThat(evaluate(afterAnthracycline().draft(Concepts.REGORAFENIB, true)))
                .isEmpty();
    }

    @Test
    void quietOnOrderSign() {
        assertThat(rule.evaluate(Hook.ORDER_SIGN, afterAnthracycline().build())).isEmpty();
    }

    @Test
    void namesPazopanibProgression() {
        Finding finding =
                fire(afterAnthracycline().stopped(Concepts.PAZOPANIB, false, "Disease progression", true, false));

        assertThat(Rendered.fill(finding, "pazopanib")).contains("progression on pazopanib");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_PRIOR_PAZOPANIB);
    }

    @Test
    void pazopanibStoppedForToxicityIsNotProgression() {
        Finding finding =
                fire(afterAnthracycline().exposure(medication(Concepts.PAZOPANIB, "stopped", false, "toxicity")));

        assertThat(Rendered.fill(finding, "pazopanib"))
                .doesNotContain("progression")
                .contains("why it was stopped is not recorded");
    }

    @Test
    void currentPazopanibWouldBeReplaced() {
        assertThat(Rendered.fill(fire(afterAnthracycline().current(Concepts.PAZOPANIB)), "pazopanib"))
                .contains("regorafenib would replace it");
    }

    @Test
    void pazopanibWhoseStopReasonNegatesProgressionIsNotProgression() {
        Finding finding = fire(afterAnthracycline()
                .stopped(Concepts.PAZOPANIB, false, "stopped, no progression: fatigue", false, true));

        assertThat(Rendered.fill(finding, "pazopanib")).contains("why it was stopped is not recorded");
    }

    @Test
    void withholdsTheOrderAndSaysWhyWhenBilirubinIsAboveThreeTimesTheUpperLimit() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2)
                .lab(Concepts.ALT, 110, "U/L", 40.0));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver"))
                .startsWith("**No order is suggested:** latest Total bilirubin 4.2 mg/dL (3.5 × ULN)")
                .contains("does not recommend regorafenib in severe hepatic impairment (bilirubin above 3 × ULN)")
                .contains("boxed warning for hepatotoxicity");
    }

    @Test
    void offersTheOrderAtExactlyThreeTimesTheUpperLimitOfBilirubin() {
        assertThat(fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 3.6, "mg/dL", 1.2))
                        .offersOrders())
                .isTrue();
    }

    @Test
    void anAltAboveTheTrabectedinLimitDoesNotWithholdRegorafenib() {
        assertThat(fire(afterAnthracycline().normalLiver().lab(Concepts.ALT, 110, "U/L", 40.0))
                        .offersOrders())
                .as("the regorafenib label sets no starting limit on AST/ALT")
                .isTrue();
    }

    @Test
    void withholdsTheOrderWhenLiverTestsAreMissingOrOlderThanFourteenDays() {
        Finding missing = fire(afterAnthracycline());
        Finding old =
                fire(afterAnthracycline().normalLiver().labOn(Concepts.AST, 30, "U/L", 40.0, TODAY.minusDays(15)));
        Finding recent =
                fire(afterAnthracycline().normalLiver().labOn(Concepts.AST, 30, "U/L", 40.0, TODAY.minusDays(14)));

        assertThat(missing.offersOrders()).isFalse();
        assertThat(Rendered.fill(missing, "liver"))
                .isEqualTo("**No order is suggested:** the label checks total bilirubin, AST and ALT before"
                        + " starting (here: at most 14 days old); in the record: Total bilirubin not recorded, AST"
                        + " not recorded, ALT not recorded.");
        assertThat(old.offersOrders()).isFalse();
        assertThat(Rendered.fill(old, "liver")).contains("AST of " + TODAY.minusDays(15));
        assertThat(recent.offersOrders()).isTrue();
    }

    @Test
    void withholdsTheOrderWhenALiverTestCannotBeJudged() {
        Finding finding = fire(
                afterAnthracycline().normalLiver().labWithRange(Concepts.AST, 30, "U/L", LabResult.Range.OTHER_UNIT));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("AST has a reference range in another unit");
    }

    @Test
    void noOrderWhileTrabectedinIsCurrentAndTheConsultSaysWhy() {
        Finding finding = fire(afterAnthracycline().normalLiver().current(Concepts.TRABECTEDIN));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.topLines(finding))
                .anySatisfy(line -> assertThat(line).startsWith("**On trabectedin"));
    }

    @Test
    void anOrderAfterTrabectedinWasStoppedForProgression() {
        assertThat(fire(afterAnthracycline()
                                .normalLiver()
                                .stopped(Concepts.TRABECTEDIN, false, "Progressive disease", true, false))
                        .offersOrders())
                .isTrue();
    }

    @Test
    void noOrderOnAnUnconfirmedMetastasis() {
        Finding finding = fire(FactsBuilder.patient()
                .lms()
                .metastasis(FactsBuilder.LIVER, null, true, "not confirmed (differential)")
                .past(Concepts.DOXORUBICIN)
                .normalLiver());

        assertThat(finding.offersOrders()).isFalse();
    }

    @Test
    void noOrderOnALeiomyosarcomaTheWordsDoubt() {
        Finding finding = fire(FactsBuilder.patient()
                .unconfirmedLms("not confirmed (\"r/o leiomyosarcoma right thigh\")")
                .metastasis(FactsBuilder.LIVER)
                .past(Concepts.DOXORUBICIN)
                .normalLiver());

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.topLines(finding))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("**Leiomyosarcoma not confirmed (\"r/o leiomyosarcoma right thigh\")** (")
                        .contains("no orders are drafted"));
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
