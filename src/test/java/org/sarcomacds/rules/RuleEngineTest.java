package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.PatientFacts;

class RuleEngineTest {

    private final RuleEngine engine = TestRuleEngines.all();

    @Test
    void aBonePrimaryPutsTheCaveatAndItsEvidenceOnEveryFinding() {
        PatientFacts facts = afterAnthracycline()
                .primarySite(Concepts.SITE_BONE)
                .normalLiver()
                .build();

        List<Finding> findings = engine.evaluate("patient-view", facts);

        assertThat(findings).hasSizeGreaterThanOrEqualTo(4).allSatisfy(f -> {
            assertThat(f.caveats()).containsExactly("LMS-BONE-PRIMARY-EXTRAPOLATED");
            assertThat(f.evidence())
                    .filteredOn(e -> e.role().equals("Primary site: bone"))
                    .singleElement()
                    .satisfies(e -> assertThat(e.fact().reference()).isEqualTo(FactsBuilder.LMS_REF));
        });
    }

    @Test
    void aSoftTissuePrimaryGetsNoCaveat() {
        PatientFacts facts =
                afterAnthracycline().primarySite("site-uterus").normalLiver().build();

        List<Finding> findings = engine.evaluate("patient-view", facts);

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.caveats()).isEmpty();
            assertThat(f.evidence()).noneSatisfy(e -> assertThat(e.role()).isEqualTo("Primary site: bone"));
        });
    }

    @Test
    void aBoneSiteOnAnotherConditionIsNotThePrimary() {
        PatientFacts facts = afterAnthracycline()
                .metastasis(Concepts.SITE_BONE)
                .normalLiver()
                .build();

        assertThat(engine.evaluate("patient-view", facts))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.caveats()).isEmpty());
    }

    @Test
    void theEngineRunsEveryRuleOnce() {
        assertThat(engine.ruleIds()).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void caveatIsAppliedToOrderHookFindingsToo() {
        PatientFacts facts = FactsBuilder.patient()
                .lms()
                .primarySite(Concepts.SITE_BONE)
                .draft(Concepts.TRABECTEDIN, false)
                .build();

        assertThat(engine.evaluate("order-sign", facts))
                .extracting(Finding::ruleId)
                .containsExactly("LMS-TRABECTEDIN-SAFETY");
        assertThat(engine.evaluate("order-sign", facts))
                .allSatisfy(f -> assertThat(f.caveats()).containsExactly("LMS-BONE-PRIMARY-EXTRAPOLATED"));
    }
}
