package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

class RuleEngineTest {

    private final RuleEngine engine = new RuleEngine(Rules.ALL, ClinicalParameters.load());

    @Test
    void aBonePrimaryPutsTheCaveatAndItsEvidenceOnEveryFinding() {
        PatientFacts facts = afterAnthracycline()
                .primarySite(Concepts.SITE_BONE)
                .normalLiver()
                .build();

        List<Finding> findings = engine.evaluate(facts);

        assertThat(findings).hasSizeGreaterThanOrEqualTo(4).allSatisfy(f -> {
            assertThat(f.caveats()).containsExactly("LMS-BONE-PRIMARY-EXTRAPOLATED");
            assertThat(f.evidence())
                    .filteredOn(e -> e.role().equals(Phrase.ROLE_PRIMARY_SITE_BONE))
                    .singleElement()
                    .satisfies(e -> assertThat(e.fact().reference()).isEqualTo(FactsBuilder.LMS_REF));
        });
    }

    @Test
    void aSoftTissuePrimaryGetsNoCaveat() {
        PatientFacts facts =
                afterAnthracycline().primarySite("site-uterus").normalLiver().build();

        List<Finding> findings = engine.evaluate(facts);

        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.caveats()).isEmpty();
            assertThat(f.evidence()).noneSatisfy(e -> assertThat(e.role()).isEqualTo(Phrase.ROLE_PRIMARY_SITE_BONE));
        });
    }

    @Test
    void aBoneSiteOnAnotherConditionIsNotThePrimary() {
        PatientFacts facts = afterAnthracycline()
                .metastasis(Concepts.SITE_BONE)
                .normalLiver()
                .build();

        assertThat(engine.evaluate(facts))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.caveats()).isEmpty());
    }

    @Test
    void theRegistryHasEveryRuleOnce() {
        assertThat(Rules.ids())
                .doesNotHaveDuplicates()
                .hasSize(14)
                .contains(TrabectedinPregnancyRule.ID, TrabectedinRetreatmentRule.ID, RegorafenibLiverRule.ID);
    }

    @Test
    void theEngineRunsOnlyTheRulesThatAnswerTheHook() {
        PatientFacts facts = afterAnthracycline()
                .normalPreDoseLabs()
                .current(Concepts.TRABECTEDIN)
                .draft(Concepts.TRABECTEDIN, true)
                .build(Hook.ORDER_SELECT);

        assertThat(engine.evaluate(facts))
                .extracting(Finding::ruleId)
                .as("the patient-view rules would fire on these facts, but do not answer order-select")
                .containsExactly("LMS-TRABECTEDIN-SAFETY");
    }

    @Test
    void aRuleThatReadsAValueSetItDoesNotDeclareFailsWithOneSentence() {
        RuleSpec undeclared = RuleSpec.rule("LMS-TEST-UNDECLARED", parameters -> facts -> {
                    facts.exposures(Concepts.PAZOPANIB);
                    return Optional.empty();
                })
                .answers(Hook.PATIENT_VIEW)
                .reads(Concepts.GEMCITABINE);
        RuleEngine withUndeclaredRead = new RuleEngine(List.of(undeclared), ClinicalParameters.load());

        assertThatThrownBy(
                        () -> withUndeclaredRead.evaluate(afterAnthracycline().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Rule LMS-TEST-UNDECLARED reads value set 'pazopanib', which its RuleSpec does not declare:"
                        + " add it to the rule's SPEC.");
    }

    @Test
    void caveatIsAppliedToOrderHookFindingsToo() {
        PatientFacts facts = FactsBuilder.patient()
                .lms()
                .primarySite(Concepts.SITE_BONE)
                .draft(Concepts.TRABECTEDIN, false)
                .build(Hook.ORDER_SIGN);

        assertThat(engine.evaluate(facts)).extracting(Finding::ruleId).containsExactly("LMS-TRABECTEDIN-SAFETY");
        assertThat(engine.evaluate(facts))
                .allSatisfy(f -> assertThat(f.caveats()).containsExactly("LMS-BONE-PRIMARY-EXTRAPOLATED"));
    }
}
