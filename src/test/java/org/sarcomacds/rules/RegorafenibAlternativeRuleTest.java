package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.medication;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class RegorafenibAlternativeRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(RegorafenibAlternativeRule.SPEC);

    @Test
    void firesWithOrdersForMetastaticLmsAfterAnthracycline() {
        Finding finding = fire(afterAnthracycline());

        assertThat(finding.offerOrders()).isTrue();
        assertThat(finding.fills()).containsEntry("pazopanib", "The record shows no pazopanib.");
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
        Finding finding = fire(
                afterAnthracycline().exposure(medication(Concepts.PAZOPANIB, "stopped", false, "Disease progression")));

        assertThat(finding.fills().get("pazopanib")).contains("progression on pazopanib");
        assertThat(finding.evidence()).extracting(Evidence::role).contains("Prior pazopanib");
    }

    @Test
    void pazopanibStoppedForToxicityIsNotProgression() {
        Finding finding =
                fire(afterAnthracycline().exposure(medication(Concepts.PAZOPANIB, "stopped", false, "toxicity")));

        assertThat(finding.fills().get("pazopanib"))
                .doesNotContain("progression")
                .contains("the reason it was stopped is not recorded");
    }

    @Test
    void currentPazopanibWouldBeReplaced() {
        assertThat(fire(afterAnthracycline().current(Concepts.PAZOPANIB))
                        .fills()
                        .get("pazopanib"))
                .contains("regorafenib would replace it");
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
