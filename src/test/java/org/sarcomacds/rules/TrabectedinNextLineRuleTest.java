package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.BodyMeasurements;
import org.sarcomacds.facts.BodyProblem;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;

class TrabectedinNextLineRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinNextLineRule.SPEC);

    @Test
    void firesAndOffersOrdersForMetastaticLmsAfterAnthracyclineWithNormalLiverTests() {
        Finding finding = fire(afterAnthracycline().normalLiver().bsa(1.99));

        assertThat(finding.ruleId()).isEqualTo("LMS-TRABECTEDIN-NEXT-LINE");
        assertThat(finding.offersOrders()).isTrue();
        assertThat(finding.fills()).containsEntry("liver", "");
        assertThat(finding.evidence())
                .extracting(Evidence::role)
                .containsExactly(
                        Phrase.ROLE_LEIOMYOSARCOMA, Phrase.ROLE_METASTATIC_DISEASE, Phrase.ROLE_PRIOR_ANTHRACYCLINE);
    }

    @Test
    void doseIsFilledInMilligramsFromBodySurfaceArea() {
        Finding finding = fire(afterAnthracycline().normalLiver().bsa(1.99));

        assertThat(finding.fills()).containsEntry("doseMg", "2.99");
        assertThat(Rendered.fill(finding, "dose")).isEqualTo("1.5 mg/m² × 1.99 m² = 2.99 mg");
        assertThat(Rendered.notes(finding)).anySatisfy(n -> assertThat(n).startsWith("Body surface area by "));
    }

    @Test
    void doseStaysPerSquareMetreWithANoteWhenBodySurfaceAreaIsUnknown() {
        Finding finding = fire(afterAnthracycline().normalLiver());

        assertThat(finding.fills()).doesNotContainKey("doseMg");
        assertThat(Rendered.fill(finding, "dose")).startsWith("1.5 mg/m² (body surface area unknown");
        assertThat(Rendered.notes(finding))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("Body surface area unknown (no weight in the record)")
                        .contains("carries no dose in mg"));
        assertThat(finding.offersOrders()).isTrue();
    }

    @Test
    void anImplausibleWeightGivesNoDoseInMilligramsAndTheNoteSaysWhy() {
        LabResult weight = new LabResult(Concepts.WEIGHT, "Body weight", 824, "kg", null, TODAY, "Observation/w");
        BodyMeasurements body = new BodyMeasurements(
                Optional.empty(),
                Optional.of(weight),
                Optional.empty(),
                Optional.empty(),
                List.of(new BodyProblem(BodyProblem.Kind.IMPLAUSIBLE_WEIGHT, weight, 824.0, 300.0, null, null, null)));

        Finding finding = fire(afterAnthracycline().normalLiver().body(body));

        assertThat(finding.fills()).doesNotContainKey("doseMg");
        assertThat(Rendered.notes(finding))
                .anySatisfy(n -> assertThat(n)
                        .startsWith("Body surface area unknown (the latest weight (824 kg) is not plausible)"));
    }

    @Test
    void quietWithoutAnthracycline() {
        assertThat(evaluate(metastaticLms().normalLiver())).isEmpty();
    }

    @Test
    void quietWithoutMetastaticDisease() {
        assertThat(evaluate(patient().lms().past(Concepts.DOXORUBICIN).normalLiver()))
                .isEmpty();
    }

    @Test
    void quietWhenLeiomyosarcomaIsNotActive() {
        assertThat(evaluate(
                        patient().inactiveLms().metastasis(FactsBuilder.LIVER).past(Concepts.DOXORUBICIN)))
                .isEmpty();
    }

    @Test
    void quietAfterPastTrabectedin() {
        assertThat(evaluate(afterAnthracycline().normalLiver().past(Concepts.TRABECTEDIN)))
                .isEmpty();
    }

    @Test
    void quietWithCurrentTrabectedin() {
        assertThat(evaluate(afterAnthracycline().normalLiver().current(Concepts.TRABECTEDIN)))
                .isEmpty();
    }

    @Test
    void quietWithATrabectedinDraft() {
        assertThat(evaluate(afterAnthracycline().normalLiver().draft(Concepts.TRABECTEDIN, false)))
                .isEmpty();
    }

    @Test
    void quietOnOrderHooks() {
        PatientFacts facts = afterAnthracycline().normalLiver().build();

        assertThat(rule.evaluate(Hook.ORDER_SELECT, facts)).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts)).isEmpty();
    }

    @Test
    void offersOrdersWhenBilirubinIsExactlyTheUpperLimit() {
        assertThat(fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 1.2, "mg/dL", 1.2))
                        .offersOrders())
                .isTrue();
    }

    @Test
    void withholdsOrdersWhenBilirubinIsAboveTheUpperLimit() {
        Finding finding = fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 1.3, "mg/dL", 1.2));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver"))
                .startsWith("**No order is suggested")
                .contains("the standard starting dose needs a normal bilirubin");
    }

    @Test
    void withholdsOrdersAndNamesTheLabelLimitWhenBilirubinIsAboveThreeTimesTheUpperLimit() {
        Finding finding = fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("3.5 × ULN").contains("says not to give trabectedin");
    }

    @Test
    void withholdsOrdersWhenBilirubinHasNoReferenceRange() {
        Finding finding = fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 5.0, "mg/dL", null));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("no reference range");
    }

    @Test
    void withholdsOrdersWhenAltHasNoReferenceRange() {
        Finding finding = fire(afterAnthracycline().normalLiver().lab(Concepts.ALT, 300, "U/L", null));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("ALT has no reference range");
    }

    @Test
    void withholdsOrdersWhenBilirubinIsMissing() {
        Finding finding = fire(afterAnthracycline().normalLiver().withoutLab(Concepts.BILIRUBIN));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("the record has no total bilirubin");
    }

    @Test
    void offersOrdersWhenAstIsExactlyTwoAndAHalfTimesTheUpperLimit() {
        assertThat(fire(afterAnthracycline().normalLiver().lab(Concepts.AST, 100, "U/L", 40.0))
                        .offersOrders())
                .isTrue();
    }

    @Test
    void withholdsOrdersWhenAstIsAboveTwoAndAHalfTimesTheUpperLimit() {
        Finding finding = fire(afterAnthracycline().normalLiver().lab(Concepts.AST, 104, "U/L", 40.0));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("AST 104 U/L (2.6 × ULN)");
    }

    @Test
    void withholdsOrdersWhenAltIsAboveTwoAndAHalfTimesTheUpperLimit() {
        Finding finding = fire(afterAnthracycline().normalLiver().lab(Concepts.ALT, 104, "U/L", 40.0));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("ALT 104 U/L");
    }

    @Test
    void therapyHistoryShowsWhyADrugWasStopped() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .exposure(FactsBuilder.medication(Concepts.PAZOPANIB, "stopped", false, "Disease progression")));

        assertThat(Rendered.notes(finding))
                .contains("Systemic therapy in the record: doxorubicin (completed), pazopanib (stopped: Disease"
                        + " progression).");
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
