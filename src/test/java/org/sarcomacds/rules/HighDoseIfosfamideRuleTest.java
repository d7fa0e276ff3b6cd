package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.ifosfamide;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class HighDoseIfosfamideRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(HighDoseIfosfamideRule.SPEC);

    @Test
    void firesWithoutIfosfamide() {
        assertThat(Rendered.fill(fire(afterAnthracycline()), "ifosfamideHistory"))
                .isEqualTo("The record shows no ifosfamide.");
    }

    @Test
    void quietAtExactlyTwelveGramsPerSquareMetrePerCycle() {
        assertThat(evaluate(afterAnthracycline().exposure(ifosfamide(12.0)))).isEmpty();
    }

    @Test
    void firesJustBelowTheHighDoseRangeAndCallsItModerate() {
        Finding finding = fire(afterAnthracycline().exposure(ifosfamide(11.9)));

        assertThat(Rendered.fill(finding, "ifosfamideHistory"))
                .contains("up to 11.9 g/m² per cycle, below the high-dose range");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_PRIOR_IFOSFAMIDE);
    }

    @Test
    void firesWithAnUnknownDoseAndAsksToCheck() {
        assertThat(Rendered.fill(fire(afterAnthracycline().exposure(ifosfamide(null))), "ifosfamideHistory"))
                .contains("has no dose per cycle")
                .contains("12 g/m²");
    }

    @Test
    void oneHighDoseCourseKeepsItQuietEvenBesideAModerateOne() {
        assertThat(evaluate(afterAnthracycline().exposure(ifosfamide(9.0)).exposure(ifosfamide(14.0))))
                .isEmpty();
    }

    @Test
    void saysItIsLessAttractiveAfterDocetaxel() {
        Finding finding = fire(afterAnthracycline().past(Concepts.DOCETAXEL));

        assertThat(Rendered.fill(finding, "docetaxel")).isEqualTo("Less attractive after docetaxel (in the record).");
        assertThat(Rendered.fill(fire(afterAnthracycline()), "docetaxel")).isEmpty();
    }

    @Test
    void quietWithoutAnthracycline() {
        assertThat(evaluate(metastaticLms())).isEmpty();
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
