package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;

class TrabectedinSafetyRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(TrabectedinSafetyRule.SPEC);

    @Test
    void infoWhenEveryCriterionIsMetOnRecentResults() {
        Finding finding = order(ordered());

        assertThat(finding.indicator()).isEqualTo("info");
        assertThat(Rendered.summary(finding))
                .isEqualTo("Trabectedin: every pre-dose criterion met on results of the last 7 days");
        assertThat(Rendered.fill(finding, "assessment"))
                .isEqualTo("Every criterion below is met, each on a result of the last 7 days (LVEF: 90 days).");
        assertThat(Rendered.fill(finding, "results")).contains("Total bilirubin 0.8 mg/dL (0.67 × ULN)");
    }

    @Test
    void warningWhenBilirubinIsAboveTheUpperLimit() {
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 1.32, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("Total bilirubin 1.1 × ULN: above the ULN");
        assertThat(Rendered.summary(finding)).isEqualTo("Trabectedin: pre-dose checks not met (Total bilirubin)");
    }

    @Test
    void warningWithModerateHepaticImpairmentAtOnePointSixTimesTheUpperLimit() {
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 1.92, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("1.6 × ULN: moderate hepatic impairment")
                .contains("0.9 mg/m²");
    }

    /** Review 12, finding 15: the label's moderate band is "> 1.5 to 3 × ULN"; 1.5 × ULN itself is mild. */
    @Test
    void exactlyOnePointFiveTimesTheUpperLimitIsMildNotModerate() {
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 1.8, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("Total bilirubin 1.5 × ULN: above the ULN, the label delays the dose")
                .doesNotContain("moderate")
                .doesNotContain("0.9 mg/m²");
    }

    @Test
    void justAboveOnePointFiveTimesTheUpperLimitIsModerate() {
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 1.81, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("moderate hepatic impairment")
                .contains("0.9 mg/m²");
    }

    @Test
    void onALimitWhoseBinaryQuotientOvershootsItIsStillOnTheLimit() {
        // 2.1 / 0.7 is 3.0000000000000004 in binary division: not "above 3 × ULN"
        assertThat(order(ordered().lab(Concepts.BILIRUBIN, 2.1, "mg/dL", 0.7)).indicator())
                .isEqualTo("warning");
        // 1.05 / 0.7 is 1.5000000000000002 in binary division: mild, not moderate
        assertThat(Rendered.fill(order(ordered().lab(Concepts.BILIRUBIN, 1.05, "mg/dL", 0.7)), "assessment"))
                .doesNotContain("moderate");
    }

    @Test
    void warningAtExactlyThreeTimesTheUpperLimit() {
        assertThat(order(ordered().lab(Concepts.BILIRUBIN, 3.6, "mg/dL", 1.2)).indicator())
                .isEqualTo("warning");
    }

    @Test
    void criticalAtThreeAndAHalfTimesTheUpperLimit() {
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("critical");
        assertThat(Rendered.fill(finding, "assessment")).contains("3.5 × ULN").contains("do not give trabectedin");
    }

    @Test
    void warningWhenBilirubinHasNoReferenceRangeInsteadOfCallingItNormal() {
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 5.0, "mg/dL", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("Total bilirubin has no reference range")
                .doesNotContain("is met");
    }

    @Test
    void warningWhenCpkHasNoReferenceRange() {
        Finding finding = order(ordered().lab(Concepts.CREATINE_KINASE, 900, "U/L", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("CPK has no reference range");
    }

    @Test
    void warningWhenACountIsInAUnitThatIsNotRead() {
        Finding finding = order(ordered().lab(Concepts.NEUTROPHILS, 0.4, "G/dm3", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("ANC is recorded in a unit this service does not read (G/dm3)");
    }

    @Test
    void countsPerCubicMillimetreAndLowerCaseGramsPerDecilitreAreRead() {
        Finding finding = order(ordered()
                .lab(Concepts.NEUTROPHILS, 0.4, "10*3/mm3", null)
                .lab(Concepts.HAEMOGLOBIN, 7.0, "g/dl", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("ANC 400/µL: below 1500/µL")
                .contains("Haemoglobin 7 g/dL: below 9 g/dL");
    }

    @Test
    void warningForLowNeutrophils() {
        Finding finding = order(ordered().lab(Concepts.NEUTROPHILS, 1.2, "10*3/uL", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("ANC 1200/µL: below 1500/µL");
    }

    @Test
    void neutrophilsAtTheLimitAreAccepted() {
        assertThat(order(ordered().lab(Concepts.NEUTROPHILS, 1500, "/uL", null)).indicator())
                .isEqualTo("info");
    }

    @Test
    void warningForLowPlatelets() {
        Finding finding = order(ordered().lab(Concepts.PLATELETS, 90, "10*3/uL", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("Platelets 90000/µL: below 100000/µL");
    }

    @Test
    void warningForLowHaemoglobinInGramsPerLitre() {
        Finding finding = order(ordered().lab(Concepts.HAEMOGLOBIN, 85, "g/L", null));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("Haemoglobin 8.5 g/dL: below 9 g/dL");
    }

    @Test
    void warningForCreatineKinaseAtThreeTimesTheUpperLimit() {
        Finding finding = order(ordered().lab(Concepts.CREATINE_KINASE, 600, "U/L", 200.0));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment")).contains("CPK 3 × ULN: above 2.5 × ULN");
    }

    @Test
    void warningForAstAboveTwoAndAHalfTimesTheUpperLimit() {
        assertThat(order(ordered().lab(Concepts.AST, 120, "U/L", 40.0)).indicator())
                .isEqualTo("warning");
    }

    /** Finding 1 of issue 12: a missing or stale result makes its criterion not met, named on the card. */
    @Nested
    class ResultWindows {

        @Test
        void aMissingResultIsNotMetAndNamed() {
            Finding finding = order(ordered().withoutLab(Concepts.PLATELETS).withoutLab(Concepts.HAEMOGLOBIN));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .isEqualTo("- **No result in the record for: Platelets, Haemoglobin. Not met until measured.**");
            assertThat(Rendered.summary(finding))
                    .isEqualTo("Trabectedin: pre-dose checks not met (Platelets, Haemoglobin)");
            assertThat(Rendered.fill(finding, "results")).doesNotContain("Platelets");
        }

        @Test
        void noResultsAtAllNamesEveryCriterionAndLvef() {
            Finding finding = order(patient().lms().draft(Concepts.TRABECTEDIN, true));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("No result in the record for: Total bilirubin, AST, ALT, ALP, CPK, ANC, Platelets,"
                            + " Haemoglobin. Not met until measured.")
                    .contains("No LVEF in the record: the US label asks for LVEF before starting and every 2–3"
                            + " months.")
                    .doesNotContain("is met");
            assertThat(Rendered.fill(finding, "results")).isEqualTo("- none in the record");
        }

        @Test
        void resultsTwentyThreeMonthsOldAreNotJudgedAndSayHowOldTheyAre() {
            LocalDate old = TODAY.minusMonths(23);
            Finding finding = order(patient().lms().preDoseLabsOn(old).draft(Concepts.TRABECTEDIN, true));

            long age = java.time.temporal.ChronoUnit.DAYS.between(old, TODAY);
            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains(
                            "Not recent, so not judged: Total bilirubin, AST, ALT, ALP, CPK, ANC, Platelets, Haemoglobin ("
                                    + old + ", " + age + " days old).")
                    .contains("Repeat before the dose (at most 7 days old).")
                    .contains("LVEF is " + age + " days old (" + old + ")")
                    .doesNotContain("is met");
            assertThat(Rendered.fill(finding, "results")).contains("older than 7 days");
        }

        @Test
        void aResultSevenDaysOldIsRecentAndEightDaysOldIsNot() {
            assertThat(order(ordered().lab(Concepts.ALT, 30, "U/L", 40.0, TODAY.minusDays(7)))
                            .indicator())
                    .isEqualTo("info");
            Finding finding = order(ordered().lab(Concepts.ALT, 30, "U/L", 40.0, TODAY.minusDays(8)));
            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("Not recent, so not judged: ALT (" + TODAY.minusDays(8) + ", 8 days old)");
        }

        @Test
        void resultsThatAreNotRecentAreListedByDateWithTheUndatedLast() {
            Finding finding = order(ordered()
                    .lab(Concepts.ALT, 30, "U/L", 40.0, TODAY.minusDays(12))
                    .lab(Concepts.PLATELETS, 250, "10*3/uL", null, null)
                    .lab(Concepts.AST, 30, "U/L", 40.0, TODAY.minusDays(12))
                    .lab(Concepts.NEUTROPHILS, 3.2, "10*3/uL", null, TODAY.minusDays(20)));

            assertThat(Rendered.fill(finding, "assessment"))
                    .isEqualTo(
                            "- **Not recent, so not judged: AST, ALT (" + TODAY.minusDays(12) + ", 12 days old), ANC ("
                                    + TODAY.minusDays(20)
                                    + ", 20 days old), Platelets (undated). Repeat before the dose (at most"
                                    + " 7 days old).**");
        }

        @Test
        void anUndatedResultIsNotRecent() {
            Finding finding = order(ordered().lab(Concepts.PLATELETS, 250, "10*3/uL", null, null));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment")).contains("Not recent, so not judged: Platelets (undated)");
        }

        @Test
        void aStaleBilirubinAboveTheDoNotGiveLimitIsNotJudgedSoTheCardIsNotCritical() {
            Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2, TODAY.minusDays(30)));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(finding.removals()).isEmpty();
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("Total bilirubin (" + TODAY.minusDays(30) + ", 30 days old)");
            assertThat(Rendered.fill(finding, "results"))
                    .contains("(3.5 × ULN)")
                    .contains("older than 7 days");
        }
    }

    /** Finding 4 of issue 12: LVEF below its lower limit (or below 50% without a range), missing or older than 90 days. */
    @Nested
    class Lvef {

        @Test
        void belowTheLowerLimitOfItsReferenceRange() {
            Finding finding = order(ordered().lab(lvef(40, 50.0, LabResult.Range.IN_VALUE_UNIT, TODAY.minusDays(10))));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("LVEF 40% on " + TODAY.minusDays(10) + ": below its lower limit of 50%")
                    .contains("delays trabectedin for LVEF below the lower limit of normal");
        }

        @Test
        void aHigherLowerLimitOfTheLaboratoryDecides() {
            assertThat(order(ordered().lab(lvef(52, 55.0, LabResult.Range.IN_VALUE_UNIT, TODAY)))
                            .indicator())
                    .isEqualTo("warning");
        }

        @Test
        void belowFiftyPercentWithoutARange() {
            Finding finding = order(ordered().lab(lvef(45, null, LabResult.Range.NOT_RECORDED, TODAY)));

            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("LVEF 45% on " + TODAY + ": below 50% (no reference range recorded)");
        }

        @Test
        void fiftyPercentWithoutARangeIsMet() {
            assertThat(order(ordered().lab(lvef(50, null, LabResult.Range.NOT_RECORDED, TODAY)))
                            .indicator())
                    .isEqualTo("info");
        }

        @Test
        void ninetyDaysOldIsRecentAndNinetyOneIsNot() {
            assertThat(order(ordered().lab(lvef(60, 50.0, LabResult.Range.IN_VALUE_UNIT, TODAY.minusDays(90))))
                            .indicator())
                    .isEqualTo("info");
            Finding finding = order(ordered().lab(lvef(60, 50.0, LabResult.Range.IN_VALUE_UNIT, TODAY.minusDays(91))));
            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("LVEF is 91 days old (" + TODAY.minusDays(91) + "): the US label asks for LVEF every"
                            + " 2–3 months (here at most 90 days).");
        }

        @Test
        void fiveMonthsOldIsNotMet() {
            Finding finding = order(ordered().lab(lvef(62, 50.0, LabResult.Range.IN_VALUE_UNIT, TODAY.minusMonths(5))));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.summary(finding)).isEqualTo("Trabectedin: pre-dose checks not met (LVEF)");
        }

        @Test
        void missingIsNotMet() {
            Finding finding = order(ordered().withoutLab(Concepts.LVEF));

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment")).contains("No LVEF in the record");
        }

        @Test
        void undatedIsNotMet() {
            assertThat(Rendered.fill(order(ordered().lab(Concepts.LVEF, 60, "%", null, null)), "assessment"))
                    .contains("LVEF has no date");
        }

        @Test
        void aValueNotInPercentOrARangeWithoutAUnitCannotBeJudged() {
            assertThat(Rendered.fill(
                            order(ordered().lab(lvef(0.6, null, LabResult.Range.NOT_RECORDED, TODAY, "1"))),
                            "assessment"))
                    .contains("LVEF 0.6 (unit: 1) cannot be judged");
            assertThat(Rendered.fill(
                            order(ordered().lab(lvef(40, null, LabResult.Range.WITHOUT_UNIT, TODAY))), "assessment"))
                    .contains("LVEF 40 (unit: %) cannot be judged");
        }

        private static LabResult lvef(double value, Double low, LabResult.Range range, LocalDate date) {
            return lvef(value, low, range, date, "%");
        }

        private static LabResult lvef(double value, Double low, LabResult.Range range, LocalDate date, String unit) {
            return new LabResult(
                    Concepts.LVEF, "LVEF by echo", value, unit, null, date, "Observation/echo", low, range);
        }
    }

    /** Patient-view: no dose is being ordered, so only what needs action now makes a card. */
    @Nested
    class PatientView {

        @Test
        void noCardWhenEveryCriterionIsMet() {
            assertThat(chart(onTrabectedin())).isEmpty();
        }

        @Test
        void noCardWhenCountsAndChemistryAreOnlyNotRecent() {
            assertThat(chart(onTrabectedin().lab(Concepts.NEUTROPHILS, 3.2, "10*3/uL", null, TODAY.minusDays(12))))
                    .isEmpty();
        }

        @Test
        void aWarningWhenLvefIsMissingListingWhatElseIsNotRecent() {
            Finding finding = chart(onTrabectedin()
                            .withoutLab(Concepts.LVEF)
                            .lab(Concepts.NEUTROPHILS, 3.2, "10*3/uL", null, TODAY.minusDays(12)))
                    .orElseThrow();

            assertThat(finding.indicator()).isEqualTo("warning");
            assertThat(Rendered.fill(finding, "assessment"))
                    .contains("No LVEF")
                    .contains("Not recent, so not judged: ANC");
            assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_CURRENT_TRABECTEDIN);
        }

        @Test
        void aWarningWhenARecentCountIsLow() {
            assertThat(chart(onTrabectedin().lab(Concepts.PLATELETS, 90, "10*3/uL", null)))
                    .hasValueSatisfying(f -> assertThat(f.indicator()).isEqualTo("warning"));
        }

        @Test
        void speaksOnlyWhenTrabectedinIsCurrent() {
            FactsBuilder lowPlatelets =
                    patient().lms().normalPreDoseLabs().lab(Concepts.PLATELETS, 90, "10*3/uL", null);
            assertThat(chart(lowPlatelets.past(Concepts.TRABECTEDIN))).isEmpty();
            assertThat(chart(patient()
                            .lms()
                            .normalPreDoseLabs()
                            .lab(Concepts.PLATELETS, 90, "10*3/uL", null)
                            .draft(Concepts.TRABECTEDIN, true)))
                    .isEmpty();
        }

        private FactsBuilder onTrabectedin() {
            return patient().lms().normalPreDoseLabs().current(Concepts.TRABECTEDIN);
        }

        private Optional<Finding> chart(FactsBuilder facts) {
            return rule.evaluate(Hook.PATIENT_VIEW, facts.build());
        }
    }

    @Test
    void speaksOnOrderSelectOnlyWhenTheTrabectedinDraftIsSelected() {
        assertThat(rule.evaluate(Hook.ORDER_SELECT, ordered().build())).isPresent();
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
        Finding finding = order(ordered().lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2));

        assertThat(finding.indicator()).isEqualTo("critical");
        assertThat(Rendered.summary(finding))
                .startsWith("Do not give trabectedin: total bilirubin 3.5 × ULN on " + TODAY.minusDays(2))
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
        assertThat(finding.removals()).isEmpty();
        assertThat(finding.concerns()).hasSize(1);
    }

    @Test
    void neverSpeaksWithoutLeiomyosarcoma() {
        FactsBuilder facts =
                patient().normalPreDoseLabs().current(Concepts.TRABECTEDIN).draft(Concepts.TRABECTEDIN, true);

        assertThat(rule.evaluate(Hook.PATIENT_VIEW, facts.build())).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SELECT, facts.build())).isEmpty();
        assertThat(rule.evaluate(Hook.ORDER_SIGN, facts.build())).isEmpty();
    }

    /** A selected trabectedin draft for a patient whose every pre-dose result is recent and within limits. */
    @Test
    void resultsDatedInTheFutureAreNotRecentAndTheCardSaysSo() {
        Finding finding = order(ordered().preDoseLabsOn(TODAY.plusDays(23)));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("Not recent, so not judged: ")
                .contains("(" + TODAY.plusDays(23) + ", dated in the future: check the record)")
                .contains("LVEF is dated in the future (" + TODAY.plusDays(23) + ")")
                .doesNotContain("-23 days");
        assertThat(Rendered.fill(finding, "results")).contains("dated in the future");
    }

    @Test
    void aResultDatedTomorrowIsRecentAllowingForTimeZones() {
        assertThat(order(ordered().preDoseLabsOn(TODAY.plusDays(1))).indicator())
                .isEqualTo("info");
    }

    @Test
    void aBilirubinBoundBelowTheUlnIsMetAndShownWithItsComparator() {
        Finding finding = order(ordered().lab(bound(Concepts.BILIRUBIN, "<", 0.2, "mg/dL", 1.2)));

        assertThat(finding.indicator()).isEqualTo("info");
        assertThat(Rendered.fill(finding, "results")).contains("Total bilirubin &lt;0.2 mg/dL (&lt;0.17 × ULN)");
    }

    @Test
    void aBilirubinBoundAboveTheUlnCannotBeJudged() {
        Finding finding = order(ordered().lab(bound(Concepts.BILIRUBIN, "<", 2.0, "mg/dL", 1.2)));

        assertThat(finding.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains(
                        "Total bilirubin is recorded as &lt;2 mg/dL, a bound that may lie on either side of the limit");
        assertThat(Rendered.fill(finding, "results")).contains("&lt;2 mg/dL (a bound, not a measured value");
    }

    @Test
    void aCountBoundBelowTheMinimumsSideCannotBeJudged() {
        Finding platelets = order(ordered().lab(bound(Concepts.PLATELETS, "<", 150, "10*3/uL", null)));
        Finding anc = order(ordered().lab(bound(Concepts.NEUTROPHILS, "<", 1.6, "10*3/uL", null)));

        assertThat(platelets.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(platelets, "assessment"))
                .contains("Platelets is recorded as &lt;150 10\\*3/uL, a bound")
                .contains("check it by hand");
        assertThat(Rendered.summary(anc)).isEqualTo("Trabectedin: pre-dose checks not met (ANC)");
    }

    @Test
    void aCountBoundAboveTheMinimumIsMet() {
        assertThat(order(ordered().lab(bound(Concepts.PLATELETS, ">", 150, "10*3/uL", null)))
                        .indicator())
                .isEqualTo("info");
        assertThat(order(ordered().lab(bound(Concepts.NEUTROPHILS, ">=", 1.5, "10*3/uL", null)))
                        .indicator())
                .isEqualTo("info");
        assertThat(order(ordered().lab(bound(Concepts.NEUTROPHILS, ">", 1.0, "10*3/uL", null)))
                        .indicator())
                .as("above 1000/µL says nothing of 1500/µL")
                .isEqualTo("warning");
    }

    @Test
    void aNegativeBilirubinOrCountIsImplausibleAndCannotBeJudged() {
        Finding bilirubin =
                order(ordered().lab(withRange(Concepts.BILIRUBIN, -0.6, "mg/dL", LabResult.Range.IMPLAUSIBLE)));
        Finding platelets =
                order(ordered().lab(withRange(Concepts.PLATELETS, -150, "10*3/uL", LabResult.Range.IMPLAUSIBLE)));

        assertThat(bilirubin.indicator()).isEqualTo("warning");
        assertThat(Rendered.fill(bilirubin, "assessment"))
                .contains("Total bilirubin is recorded as -0.6 mg/dL: a negative result is not plausible");
        assertThat(Rendered.fill(platelets, "assessment")).contains("a negative result is not plausible");
    }

    @Test
    void rangesThatDoNotApplyOrDisagreeCannotBeJudged() {
        assertThat(Rendered.fill(
                        order(ordered().lab(withRange(Concepts.ALT, 90, "U/L", LabResult.Range.NONE_APPLIES))),
                        "assessment"))
                .contains("ALT has no reference range that applies to this patient's age and sex");
        assertThat(Rendered.fill(
                        order(ordered()
                                .lab(withRange(Concepts.BILIRUBIN, 4, "mg/dL", LabResult.Range.RANGES_DISAGREE))),
                        "assessment"))
                .contains("Total bilirubin has several reference ranges for this patient with different limits");
    }

    private static LabResult bound(String analyte, String comparator, double value, String unit, Double uln) {
        return new LabResult(
                analyte,
                analyte,
                value,
                unit,
                uln,
                TODAY.minusDays(2),
                "Observation/" + analyte,
                null,
                uln == null ? LabResult.Range.NOT_RECORDED : LabResult.Range.IN_VALUE_UNIT,
                comparator);
    }

    private static LabResult withRange(String analyte, double value, String unit, LabResult.Range range) {
        return new LabResult(
                analyte, analyte, value, unit, null, TODAY.minusDays(2), "Observation/" + analyte, null, range);
    }

    private static FactsBuilder ordered() {
        return patient().lms().normalPreDoseLabs().draft(Concepts.TRABECTEDIN, true);
    }

    private Finding order(FactsBuilder facts) {
        return rule.evaluate(Hook.ORDER_SELECT, facts.build())
                .orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
