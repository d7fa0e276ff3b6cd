package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class TrabectedinSafetyRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinSafetyRule.SPEC);

    @Test
    void infoWhenEveryResultIsWithinTheLabelLimits() {
        Finding finding = fire(onTrabectedin());

        assertThat(finding.indicator()).isEqualTo("info");
        assertThat(Rendered.fill(finding, "assessment"))
                .isEqualTo("The latest results in the record meet the label's pre-dose criteria.");
        assertThat(Rendered.fill(finding, "results")).contains("Total bilirubin 0.8 mg/dL (0.67 × ULN)");
        assertThat(Rendered.notes(finding)).noneSatisfy(n -> assertThat(n).startsWith("No result in the record"));
    }

    @Test
    void warningWhenBilirubinIsAboveTheUpperLimit() {
        Finding finding = fire(onTrabectedin().lab(Concepts.BILIRUBIN, 1.32, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("Total bilirubin 1.1 × ULN: above the ULN");
    }

    @Test
    void warningWithModerateHepaticImpairmentAtOnePointSixTimesTheUpperLimit() {
        Finding finding = fire(onTrabectedin().lab(Concepts.BILIRUBIN, 1.92, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("1.6 × ULN: moderate hepatic impairment")
                .contains("0.9 mg/m²");
    }

    @Test
    void warningAtExactlyThreeTimesTheUpperLimit() {
        assertThat(fire(onTrabectedin().lab(Concepts.BILIRUBIN, 3.6, "mg/dL", 1.2))
                        .indicator())
                .isEqualTo("warning");
    }

    @Test
    void criticalAtThreeAndAHalfTimesTheUpperLimit() {
        Finding finding = fire(onTrabectedin().lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("critical");
        assertThat(Rendered.fill(finding, "assessment")).contains("3.5 × ULN").contains("do not give trabectedin");
    }

    @Test
    void warningWhenBilirubinHasNoReferenceRangeInsteadOfCallingItNormal() {
        Finding finding = fire(onTrabectedin().lab(Concepts.BILIRUBIN, 5.0, "mg/dL", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("Total bilirubin has no reference range")
                .doesNotContain("meet the label's pre-dose criteria");
    }

    @Test
    void warningWhenCpkHasNoReferenceRange() {
        Finding finding = fire(onTrabectedin().lab(Concepts.CREATINE_KINASE, 900, "U/L", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("CPK has no reference range");
    }

    @Test
    void warningWhenACountIsInAUnitThatIsNotRead() {
        Finding finding = fire(onTrabectedin().lab(Concepts.NEUTROPHILS, 0.4, "G/dm3", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("ANC is recorded in a unit this service does not read (G/dm3)");
    }

    @Test
    void countsPerCubicMillimetreAndLowerCaseGramsPerDecilitreAreRead() {
        Finding finding = fire(onTrabectedin()
                .lab(Concepts.NEUTROPHILS, 0.4, "10*3/mm3", null)
                .lab(Concepts.HAEMOGLOBIN, 7.0, "g/dl", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("ANC 400/µL: below 1500/µL")
                .contains("Haemoglobin 7 g/dL: below 9 g/dL");
    }

    @Test
    void warningForLowNeutrophils() {
        Finding finding = fire(onTrabectedin().lab(Concepts.NEUTROPHILS, 1.2, "10*3/uL", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("ANC 1200/µL: below 1500/µL");
    }

    @Test
    void neutrophilsAtTheLimitAreAccepted() {
        assertThat(fire(onTrabectedin().lab(Concepts.NEUTROPHILS, 1500, "/uL", null))
                        .indicator())
                .isEqualTo("info");
    }

    @Test
    void warningForLowPlatelets() {
        Finding finding = fire(onTrabectedin().lab(Concepts.PLATELETS, 90, "10*3/uL", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("Platelets 90000/µL: below 100000/µL");
    }

    @Test
    void warningForLowHaemoglobinInGramsPerLitre() {
        Finding finding = fire(onTrabectedin().lab(Concepts.HAEMOGLOBIN, 85, "g/L", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("Haemoglobin 8.5 g/dL: below 9 g/dL");
    }

    @Test
    void warningForCreatineKinaseAtThreeTimesTheUpperLimit() {
        Finding finding = fire(onTrabectedin().lab(Concepts.CREATINE_KINASE, 600, "U/L", 200.0));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("CPK 3 × ULN: above 2.5 × ULN");
    }

    @Test
    void warningForAstAboveTwoAndAHalfTimesTheUpperLimit() {
        assertThat(fire(onTrabectedin().lab(Concepts.AST, 120, "U/L", 40.0)).indicator())
                .isEqualTo("warning");
    }

    @Test
    void aMissingResultIsListedInTheNotesWithoutRaisingTheIndicator() {
        Finding finding = fire(onTrabectedin().withoutLab(Concepts.PLATELETS).withoutLab(Concepts.LVEF));

        assertThat(finding.indicator()).isEqualTo("info");
        assertThat(Rendered.notes(finding))
                .contains("No result in the record for: Platelets, LVEF. Check them before the dose.");
        assertThat(Rendered.fill(finding, "results")).doesNotContain("Platelets");
    }

    @Test
    void speaksOnOrderSelectOnlyWhenTheTrabectedinDraftIsSelected() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .normalPreDoseLabs()
                                .draft(Concepts.TRABECTEDIN, true)
                                .build()))
                .isPresent();
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .normalPreDoseLabs()
                                .draft(Concepts.TRABECTEDIN, false)
                                .draft(Concepts.DEXAMETHASONE, true)
                                .build()))
                .isEmpty();
    }

    @Test
    void speaksOnOrderSignForAnyTrabectedinDraft() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .lms()
                                .normalPreDoseLabs()
                                .draft(Concepts.TRABECTEDIN, false)
                                .build())
                .orElseThrow();

        assertThat(finding.evidence())
                .extracting(Evidence::role)
                .containsExactly(Phrase.ROLE_LEIOMYOSARCOMA, Phrase.ROLE_DRAFT_ORDER);
    }

    @Test
    void theCriticalCardSaysWhatToDoAndOffersToDeleteTheDraftUnderReview() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lms()
                                .normalPreDoseLabs()
                                .lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2)
                                .draft(Concepts.TRABECTEDIN, true)
                                .build())
                .orElseThrow();

        assertThat(finding.indicator()).isEqualTo("critical");
        assertThat(Rendered.summary(finding))
                .startsWith("Do not give trabectedin: total bilirubin 3.5 × ULN on ")
                .endsWith("(label: do not give above 3 × ULN)");
        assertThat(finding.removals())
                .singleElement()
                .satisfies(d -> assertThat(d.selected()).isTrue());
        assertThat(finding.concerns()).isEqualTo(finding.removals());
    }

    @Test
    void aWarningAtAnOrderHookIsAboutTheDraftButOffersNoDeletion() {
        Finding finding = rule.evaluate(
                        Hook.ORDER_SIGN,
                        patient()
                                .lms()
                                .normalPreDoseLabs()
                                .lab(Concepts.PLATELETS, 90, "10*3/uL", null)
                                .draft(Concepts.TRABECTEDIN, false)
                                .build())
                .orElseThrow();

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(finding.summary()).isNull();
        assertThat(finding.removals()).isEmpty();
        assertThat(finding.concerns()).hasSize(1);
    }

    @Test
    void speaksOnPatientViewOnlyWhenTrabectedinIsCurrent() {
        assertThat(evaluate(patient().lms().normalPreDoseLabs().past(Concepts.TRABECTEDIN)))
                .isEmpty();
        assertThat(evaluate(patient().lms().normalPreDoseLabs().draft(Concepts.TRABECTEDIN, true)))
                .isEmpty();
        assertThat(evaluate(onTrabectedin()))
                .hasValueSatisfying(f ->
                        assertThat(f.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_CURRENT_TRABECTEDIN));
    }

    @Test
    void neverSpeaksWithoutLeiomyosarcoma() {
        FactsBuilder facts =
                patient().normalPreDoseLabs().current(Concepts.TRABECTEDIN).draft(Concepts.TRABECTEDIN, true);

        assertThat(rule.evaluate(Hook.PATIENT_VIEW, facts.build())).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SELECT, facts.build())).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build())).isEmpty();
    }

    private static FactsBuilder onTrabectedin() {
        return patient().lms().normalPreDoseLabs().current(Concepts.TRABECTEDIN);
    }

    private Optional<Finding> evaluate(FactsBuilder facts) {
        return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
    }

    private Finding fire(FactsBuilder facts) {
        return evaluate(facts).orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
