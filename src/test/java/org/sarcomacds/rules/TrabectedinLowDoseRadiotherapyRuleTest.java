package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class TrabectedinLowDoseRadiotherapyRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinLowDoseRadiotherapyRule.SPEC);

    @Test
    void firesWithABoneMetastasisWhenTrabectedinIsRecommended() {
        Finding finding = fire(boneMetastatic().past(Concepts.DOXORUBICIN));

        assertThat(Rendered.fill(finding, "trabectedinStatus")).isEqualTo("trabectedin is an option above.");
        assertThat(finding.evidence())
                .extracting(Evidence::role)
                .containsExactly(Phrase.ROLE_LEIOMYOSARCOMA, Phrase.ROLE_BONE_METASTASIS);
    }

    @Test
    void firesWithABoneMetastasisWhenTrabectedinIsCurrent() {
        Finding finding = fire(boneMetastatic().past(Concepts.DOXORUBICIN).current(Concepts.TRABECTEDIN));

        assertThat(Rendered.fill(finding, "trabectedinStatus")).isEqualTo("the patient is receiving trabectedin.");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_CURRENT_TRABECTEDIN);
    }

    @Test
    void quietWithoutABoneMetastasis() {
        assertThat(evaluate(patient().lms().metastasis(FactsBuilder.LIVER).past(Concepts.DOXORUBICIN)))
                .isEmpty();
    }

    @Test
    void quietWhenTheBoneMetastasisIsNotActive() {
        assertThat(evaluate(patient()
                        .lms()
                        .metastasis(FactsBuilder.LIVER)
                        .metastasis(Concepts.METASTASIS_BONE, null, false, "")
                        .past(Concepts.DOXORUBICIN)))
                .isEmpty();
    }

    @Test
    void quietWhenTrabectedinIsNeitherRecommendedNorCurrent() {
        // no anthracycline: the next-line rule does not apply
        assertThat(evaluate(boneMetastatic())).isEmpty();
    }

    @Test
    void quietAfterPastTrabectedin() {
        assertThat(evaluate(boneMetastatic().past(Concepts.DOXORUBICIN).past(Concepts.TRABECTEDIN)))
                .isEmpty();
    }

    @Test
    void quietOnOrderSign() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        boneMetastatic().past(Concepts.DOXORUBICIN).build()))
                .isEmpty();
    }

    private static FactsBuilder boneMetastatic() {
        return patient().lms().metastasis(Concepts.METASTASIS_BONE);
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
