package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.BodyMeasurements;
import org.sarcomacds.facts.BodyProblem;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
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
    void aCurrentCyp3aInducerIsNamedOnTheOptionWhichStillStands() {
        Finding finding = fire(afterAnthracycline().normalLiver().bsa(1.99).current(Concepts.CYP3A_INDUCERS));

        assertThat(finding.offersOrders()).isTrue();
        assertThat(Rendered.fill(finding, "cyp3a"))
                .startsWith("**CYP3A:** the record shows ")
                .contains("(strong inducer)")
                .contains("the interaction card names them again when trabectedin is ordered");
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_STRONG_CYP3A_INDUCER);
    }

    @Test
    void noCyp3aLineWithoutAnInteractingDrug() {
        assertThat(fire(afterAnthracycline().normalLiver().bsa(1.99)).fills()).containsEntry("cyp3a", "");
    }

    @Test
    void doseIsFilledInMilligramsFromBodySurfaceArea() {
        Finding finding = fire(afterAnthracycline().normalLiver().bsa(1.99));

        assertThat(finding.fills()).containsEntry("doseMg", "2.99");
        assertThat(Rendered.fill(finding, "dose")).isEqualTo("1.5 mg/m² × 1.99 m² = 2.99 mg");
        assertThat(Rendered.notes(finding)).anySatisfy(n -> assertThat(n).startsWith("Body surface area by "));
    }

    @Test
    void doseStaysPerSquareMetreAndTheOptionSaysWhyWhenBodySurfaceAreaIsUnknown() {
        Finding finding = fire(afterAnthracycline().normalLiver());

        assertThat(finding.fills()).doesNotContainKey("doseMg");
        assertThat(Rendered.fill(finding, "dose")).isEqualTo("1.5 mg/m² (no dose in mg: calculate it before signing)");
        assertThat(Rendered.fill(finding, "body"))
                .isEqualTo("**No dose in mg:** no weight in the record; the order gives the dose per m² only.");
        assertThat(finding.offersOrders()).isTrue();
    }

    @Test
    void anImplausibleWeightGivesNoDoseInMilligramsAndTheOptionSaysWhich() {
        Finding finding = fire(afterAnthracycline().normalLiver().body(implausibleWeight(824)));

        assertThat(finding.fills()).doesNotContainKey("doseMg");
        assertThat(Rendered.fill(finding, "body")).contains("the latest weight (824 kg) is not plausible");
        assertThat(finding.offersOrders())
                .as("an order without a dose quantity")
                .isTrue();
    }

    /** Review 12, finding 17: a weight of 1e308 kg read "92233720368547760 kg". */
    @Test
    void aHugeImplausibleWeightIsShownReadably() {
        assertThat(Rendered.fill(fire(afterAnthracycline().normalLiver().body(implausibleWeight(1e308))), "body"))
                .contains("the latest weight (1 × 10³⁰⁸ kg) is not plausible");
    }

    /** A weight beyond the 300 kg the body measurements accept, as the facts report it. */
    private static BodyMeasurements implausibleWeight(double kg) {
        LabResult weight = new LabResult(Concepts.WEIGHT, "Body weight", kg, "kg", null, TODAY, "Observation/w");
        return new BodyMeasurements(
                Optional.empty(),
                Optional.of(weight),
                Optional.empty(),
                Optional.empty(),
                List.of(new BodyProblem(BodyProblem.Kind.IMPLAUSIBLE_WEIGHT, weight, kg, 300.0, null, null, null)));
    }

    @Test
    void everyProblemOfHeightAndWeightIsNamedNotOnlyTheFirst() {
        LabResult height =
                new LabResult(Concepts.HEIGHT, "Body height", 1.72, "cm", null, TODAY.minusDays(3), "Observation/h");
        LabResult weight =
                new LabResult(Concepts.WEIGHT, "Body weight", 70, "kg", null, TODAY.minusDays(42), "Observation/w");
        BodyMeasurements body = new BodyMeasurements(
                Optional.of(height),
                Optional.of(weight),
                Optional.empty(),
                Optional.empty(),
                List.of(
                        new BodyProblem(BodyProblem.Kind.IMPLAUSIBLE_HEIGHT, height, 1.72, 100.0, null, null, null),
                        new BodyProblem(BodyProblem.Kind.STALE_WEIGHT, weight, null, null, null, null, 30)));

        Finding finding = fire(afterAnthracycline().normalLiver().body(body));

        assertThat(Rendered.fill(finding, "body"))
                .isEqualTo("**No dose in mg:** the latest height (1.72 cm) is not plausible, the latest weight ("
                        + TODAY.minusDays(42) + ") is older than 30 days; the order gives the dose per m² only.");
    }

    @Test
    void aWeightDatedInTheFutureIsNamedAsSuchNotAsOld() {
        LabResult weight =
                new LabResult(Concepts.WEIGHT, "Body weight", 70, "kg", null, TODAY.plusDays(9), "Observation/w");
        BodyMeasurements body = new BodyMeasurements(
                Optional.empty(),
                Optional.of(weight),
                Optional.empty(),
                Optional.empty(),
                List.of(new BodyProblem(BodyProblem.Kind.FUTURE_DATED, weight, null, null, null, null, null)));

        assertThat(Rendered.fill(fire(afterAnthracycline().normalLiver().body(body)), "body"))
                .isEqualTo("**No dose in mg:** the latest weight is dated in the future (" + TODAY.plusDays(9)
                        + "): check the record; the order gives the dose per m² only.");
    }

    @Test
    void aWeightChangeAboveTheLimitIsNamedWithItsPercentAndDate() {
        LabResult previous =
                new LabResult(Concepts.WEIGHT, "Body weight", 80, "kg", null, TODAY.minusDays(30), "Observation/w0");
        LabResult weight = new LabResult(Concepts.WEIGHT, "Body weight", 68, "kg", null, TODAY, "Observation/w");
        BodyMeasurements body = new BodyMeasurements(
                Optional.empty(),
                Optional.of(weight),
                Optional.of(previous),
                Optional.empty(),
                List.of(new BodyProblem(BodyProblem.Kind.WEIGHT_CHANGE, weight, null, 10.0, previous, 15.0, null)));

        assertThat(Rendered.fill(fire(afterAnthracycline().normalLiver().body(body)), "body"))
                .contains("the weight changed by 15% since " + TODAY.minusDays(30));
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
    void atExactlyOnePointFiveTimesTheUpperLimitItIsNotCalledModerateImpairment() {
        Finding atLimit = fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 1.8, "mg/dL", 1.2));
        Finding above = fire(afterAnthracycline().normalLiver().lab(Concepts.BILIRUBIN, 1.81, "mg/dL", 1.2));

        assertThat(atLimit.offersOrders()).isFalse();
        assertThat(Rendered.fill(atLimit, "liver"))
                .contains("the standard starting dose needs a normal bilirubin")
                .doesNotContain("moderate");
        assertThat(Rendered.fill(above, "liver")).contains("moderate hepatic impairment");
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
    void withholdsOrdersAndNamesEachLiverTestThatIsMissing() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .withoutLab(Concepts.BILIRUBIN)
                .withoutLab(Concepts.ALT));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver"))
                .isEqualTo("**No order is suggested:** total bilirubin, AST and ALT must be at most 7 days old; in the"
                        + " record: Total bilirubin not recorded, ALT not recorded.");
    }

    @Test
    void withholdsOrdersWhenLiverTestsAreOlderThanThePreDoseWindowAndSaysHowOld() {
        LocalDate old = TODAY.minusMonths(23);
        Finding finding = fire(afterAnthracycline()
                .labOn(Concepts.BILIRUBIN, 0.6, "mg/dL", 1.2, old)
                .labOn(Concepts.AST, 30, "U/L", 40.0, old)
                .labOn(Concepts.ALT, 30, "U/L", 40.0, TODAY.minusDays(2)));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("in the record: Total bilirubin, AST of " + old + ".");
    }

    @Test
    void offersOrdersOnLiverTestsExactlySevenDaysOldButNotEight() {
        assertThat(fire(afterAnthracycline()
                                .labOn(Concepts.BILIRUBIN, 0.6, "mg/dL", 1.2, TODAY.minusDays(7))
                                .labOn(Concepts.AST, 30, "U/L", 40.0, TODAY.minusDays(7))
                                .labOn(Concepts.ALT, 30, "U/L", 40.0, TODAY.minusDays(7)))
                        .offersOrders())
                .isTrue();
        assertThat(fire(afterAnthracycline().normalLiver().labOn(Concepts.AST, 30, "U/L", 40.0, TODAY.minusDays(8)))
                        .offersOrders())
                .isFalse();
    }

    @Test
    void anUndatedLiverTestIsNotRecent() {
        Finding finding = fire(afterAnthracycline().normalLiver().labOn(Concepts.ALT, 30, "U/L", 40.0, null));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver")).contains("ALT of undated");
    }

    @Test
    void withholdsOrdersWhenABilirubinRangeHasNoUnit() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .labWithRange(Concepts.BILIRUBIN, 0.7, "mg/dL", LabResult.Range.WITHOUT_UNIT));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver"))
                .isEqualTo("**No order is suggested:** Total bilirubin has a reference range without a unit, so it"
                        + " cannot be judged against the ULN.");
    }

    @Test
    void withholdsOrdersWhileALineOfTherapyIsCurrentAndSaysSoBeforeTheOptions() {
        Finding finding = fire(
                afterAnthracycline().normalLiver().bsa(1.9).currentSince(Concepts.DOXORUBICIN, TODAY.minusWeeks(6)));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.fill(finding, "liver"))
                .as("the current line is the reason, not the labs")
                .isEmpty();
        assertThat(Rendered.topLines(finding))
                .contains("**On doxorubicin (current) since " + TODAY.minusWeeks(6)
                        + ":** no orders drafted while this line runs without recorded progression.");
        assertThat(finding.evidence())
                .filteredOn(e -> e.role() == Phrase.ROLE_CURRENT_SYSTEMIC_THERAPY)
                .isNotEmpty();
    }

    @Test
    void offersOrdersWhenProgressionOnTheCurrentLineIsRecorded() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .stopped(Concepts.PAZOPANIB, true, "Progressive disease on CT 2026-11-10", true, false));

        assertThat(finding.offersOrders()).isTrue();
        assertThat(finding.topLines()).noneMatch(line -> line.key().equals("current-line"));
    }

    @Test
    void theTherapyHistorySaysWhereProgressionOnTheCurrentLineIsRecorded() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .exposure(FactsBuilder.medication(Concepts.GEMCITABINE, "active", true, "")
                        .withUse(new Fact.Use(
                                null,
                                new Fact.Stop(Fact.StopCategory.NONE, "Restaging CT: progressive disease", true, false),
                                null))));

        assertThat(finding.offersOrders()).isTrue();
        assertThat(Rendered.notes(finding))
                .anySatisfy(n -> assertThat(n).contains("gemcitabine (active: Restaging CT: progressive disease)"));
    }

    @Test
    void theTherapyHistoryNamesAnAnthracyclineOtherThanDoxorubicin() {
        Fact epirubicin = new Fact(
                Concepts.ANTHRACYCLINES,
                "Ellence 50 mg/25 mL injection",
                "MedicationStatement/epirubicin",
                "completed",
                false,
                "2025-02-03 to 2025-05-19",
                "product code 1732183 mapped to RxNorm 3995",
                false,
                "",
                TODAY.minusYears(1),
                null);

        Finding finding = fire(metastaticLms().normalLiver().exposure(epirubicin));

        assertThat(finding.offersOrders()).isTrue();
        assertThat(Rendered.notes(finding))
                .anySatisfy(n -> assertThat(n).contains("Ellence 50 mg/25 mL injection (completed)"));
    }

    @Test
    void withholdsOrdersWhenOneOfTwoCurrentTherapiesHasNoProgressionRecorded() {
        Finding finding = fire(afterAnthracycline()
                .normalLiver()
                .stopped(Concepts.GEMCITABINE, true, "progression", true, false)
                .current(Concepts.DOCETAXEL));

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.topLines(finding))
                .anySatisfy(
                        line -> assertThat(line).startsWith("**On docetaxel").doesNotContain("gemcitabine"));
    }

    @Test
    void withholdsOrdersOnAnUnconfirmedMetastasis() {
        Finding finding = fire(patient()
                .lms()
                .metastasis(FactsBuilder.LUNG, null, true, "not confirmed (provisional)")
                .past(Concepts.DOXORUBICIN)
                .normalLiver());

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.topLines(finding))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("**Metastasis not confirmed (provisional)** (")
                        .contains("no orders are drafted"));
    }

    @Test
    void withholdsOrdersOnAnUnconfirmedLeiomyosarcomaButStillInforms() {
        Finding finding = fire(patient()
                .unconfirmedLms("not confirmed (verification status provisional)")
                .metastasis(FactsBuilder.LUNG)
                .past(Concepts.DOXORUBICIN)
                .normalLiver());

        assertThat(finding.offersOrders()).isFalse();
        assertThat(Rendered.topLines(finding))
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo("**Leiomyosarcoma not confirmed (verification status provisional)**"
                                + " (Condition/lms): no orders are drafted; confirm the diagnosis before acting on"
                                + " these options."));
        assertThat(finding.notes())
                .as("said once at the top, not again as a note")
                .noneMatch(n -> n.key().equals(Phrase.NOTE_UNCONFIRMED.key()));
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.role()).isEqualTo(Phrase.ROLE_LEIOMYOSARCOMA));
    }

    @Test
    void aConfirmedLeiomyosarcomaAndMetastasisDraft() {
        assertThat(fire(patient()
                                .lms()
                                .metastasis(FactsBuilder.LUNG)
                                .past(Concepts.DOXORUBICIN)
                                .normalLiver())
                        .offersOrders())
                .isTrue();
    }

    @Test
    void aPoorEcogIsSaidBeforeTheOptionsAndShownUnderWhyButWithholdsNoOrder() {
        Finding finding = fire(afterAnthracycline().normalLiver().ecog(3, 10));

        assertThat(finding.offersOrders())
                .as("ECOG informs; the prescriber decides")
                .isTrue();
        assertThat(Rendered.topLines(finding))
                .containsExactly(
                        "**ECOG 3 on " + TODAY.minusDays(10) + ":** the options assume fitness for systemic therapy.");
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.role()).isEqualTo(Phrase.ROLE_ECOG);
            assertThat(e.fact().display()).isEqualTo("3");
            assertThat(e.fact().reference()).isEqualTo("Observation/ecog");
        });
    }

    @Test
    void aGoodEcogIsShownUnderWhyWithoutATopLine() {
        Finding finding = fire(afterAnthracycline().normalLiver().ecog(2, 10));

        assertThat(finding.topLines()).isEmpty();
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_ECOG);
    }

    @Test
    void noEcogInTheRecordOrNoneRecentIsSaidBeforeTheOptions() {
        assertThat(Rendered.topLines(fire(afterAnthracycline().normalLiver())))
                .containsExactly(
                        "**ECOG not recorded** (last 90 days): the options assume fitness for systemic therapy.");
        assertThat(Rendered.topLines(fire(afterAnthracycline().normalLiver().ecog(1, 120))))
                .containsExactly("**No ECOG in the last 90 days** (ECOG 1 on " + TODAY.minusDays(120)
                        + "): the options assume fitness for systemic therapy.");
    }

    /** Review 12, finding 16: an ECOG the facts cannot read as a grade is recorded, not missing. */
    @Test
    void anEcogRecordedButNotReadableIsSaidSoNotCalledNotRecorded() {
        assertThat(Rendered.topLines(fire(afterAnthracycline().normalLiver().unreadableEcog(3))))
                .containsExactly(
                        "**ECOG recorded but not readable** (Observation/ecog-text: no grade 0–5 in its value):"
                                + " the options assume fitness for systemic therapy.");
        assertThat(Rendered.topLines(fire(
                        afterAnthracycline().normalLiver().unreadableEcog(3).ecog(3, 10))))
                .as("a grade that is read wins")
                .containsExactly(
                        "**ECOG 3 on " + TODAY.minusDays(10) + ":** the options assume fitness for systemic therapy.");
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
