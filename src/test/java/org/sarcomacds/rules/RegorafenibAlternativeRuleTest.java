package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.medication;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class RegorafenibAlternativeRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(RegorafenibAlternativeRule.SPEC);

    @Test
    void firesWithOrdersForMetastaticLmsAfterAnthracycline() {
        Finding finding = fire(afterAnthracycline());

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
        Finding finding = fire(
                afterAnthracycline().exposure(medication(Concepts.PAZOPANIB, "stopped", false, "Disease progression")));

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

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
