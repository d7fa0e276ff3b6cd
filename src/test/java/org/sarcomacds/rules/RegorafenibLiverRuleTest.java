package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.TODAY;
import static org.sarcomacds.rules.FactsBuilder.afterAnthracycline;
import static org.sarcomacds.rules.FactsBuilder.patient;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;

class RegorafenibLiverRuleTest {

    private final RuleUnderTest rule = new RuleUnderTest(RegorafenibLiverRule.SPEC);

    /** Bilirubin 3.5 × ULN and ALT 2.75 × ULN, both two days old: the example. */
    private static FactsBuilder severeHepatic() {
        return afterAnthracycline()
                .normalLiver()
                .lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2)
                .lab(Concepts.ALT, 110, "U/L", 40.0);
    }

    @Test
    void bilirubinAboveThreeTimesTheUpperLimitWarnsSaysWhatIsWrongAndOffersToDeleteTheDraft() {
        PatientFacts facts = severeHepatic().draft(Concepts.REGORAFENIB, true).build();

        Finding finding = fire(Hook.ORDER_SELECT, facts);

        assertThat(finding.indicator()).isNull();
        assertThat(Rendered.summary(finding))
                .isEqualTo("Regorafenib not recommended: total bilirubin 3.5 × ULN on " + TODAY.minusDays(2)
                        + " (label: not above 3 × ULN)");
        assertThat(finding.removals()).hasSize(1);
        assertThat(finding.removals().getFirst().drug().concept()).isEqualTo(Concepts.REGORAFENIB);
        assertThat(Rendered.fill(finding, "assessment"))
                .startsWith("**Latest Total bilirubin 4.2 mg/dL (3.5 × ULN)")
                .contains("severe hepatic impairment");
        assertThat(Rendered.fill(finding, "results")).contains("ALT 110 U/L (2.75 × ULN)");
    }

    @Test
    void warnsAtOrderSignToo() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SIGN,
                        severeHepatic().draft(Concepts.REGORAFENIB, false).build()))
                .isPresent();
    }

    @Test
    void quietAtOrderSelectWhenTheRegorafenibDraftIsNotSelected() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        severeHepatic().draft(Concepts.REGORAFENIB, false).build()))
                .isEmpty();
    }

    @Test
    void quietWithRecentLiverTestsAndBilirubinAtMostThreeTimesTheUpperLimit() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        afterAnthracycline()
                                .normalLiver()
                                .lab(Concepts.BILIRUBIN, 3.0, "mg/dL", 1.2)
                                .draft(Concepts.REGORAFENIB, true)
                                .build()))
                .isEmpty();
    }

    @Test
    void asksForLiverTestsThatAreMissingOrOlderThanFourteenDaysWithoutOfferingToDelete() {
        PatientFacts facts = afterAnthracycline()
                .labOn(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2, TODAY.minusMonths(23))
                .lab(Concepts.AST, 30, "U/L", 40.0)
                .draft(Concepts.REGORAFENIB, true)
                .build();

        Finding finding = fire(Hook.ORDER_SELECT, facts);

        assertThat(Rendered.summary(finding))
                .isEqualTo("Regorafenib: recent total bilirubin, AST and ALT are needed before starting");
        assertThat(Rendered.fill(finding, "assessment"))
                .contains("none older than 14 days counts here")
                .contains("In the record: Total bilirubin of " + TODAY.minusMonths(23) + ", ALT not recorded.");
        assertThat(finding.removals()).isEmpty();
        assertThat(finding.concerns()).hasSize(1);
    }

    @Test
    void aBilirubinOlderThanTheWindowIsNeverJudgedHighOrNormal() {
        Finding finding = fire(
                Hook.ORDER_SIGN,
                afterAnthracycline()
                        .normalLiver()
                        .labOn(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2, TODAY.minusDays(15))
                        .draft(Concepts.REGORAFENIB, false)
                        .build());

        assertThat(finding.removals()).isEmpty();
        assertThat(Rendered.summary(finding)).contains("are needed before starting");
    }

    @Test
    void aBilirubinWithoutAUnitInItsRangeCannotBeJudged() {
        Finding finding = fire(
                Hook.ORDER_SELECT,
                afterAnthracycline()
                        .normalLiver()
                        .labWithRange(Concepts.BILIRUBIN, 4.2, "mg/dL", LabResult.Range.WITHOUT_UNIT)
                        .draft(Concepts.REGORAFENIB, true)
                        .build());

        assertThat(Rendered.fill(finding, "assessment"))
                .startsWith(
                        "**The liver tests cannot be judged:** Total bilirubin has a reference range without a unit");
        assertThat(Rendered.fill(finding, "results")).contains("(reference range without a unit: cannot be judged)");
        assertThat(Rendered.summary(finding)).contains("cannot be judged against its ULN");
        assertThat(finding.removals()).isEmpty();
    }

    @Test
    void onPatientViewWarnsOnlyForCurrentRegorafenibWithSevereHepaticImpairment() {
        Finding finding = fire(
                Hook.PATIENT_VIEW, severeHepatic().current(Concepts.REGORAFENIB).build());

        assertThat(finding.removals()).isEmpty();
        assertThat(finding.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_CURRENT_MEDICATION);
        assertThat(rule.evaluate(
                        Hook.PATIENT_VIEW,
                        afterAnthracycline().current(Concepts.REGORAFENIB).build()))
                .as("missing tests of a patient on regorafenib: the prescriber's monitoring schedule")
                .isEmpty();
        assertThat(rule.evaluate(Hook.PATIENT_VIEW, severeHepatic().build()))
                .as("regorafenib not current")
                .isEmpty();
    }

    @Test
    void quietWithoutLeiomyosarcoma() {
        assertThat(rule.evaluate(
                        Hook.ORDER_SELECT,
                        patient()
                                .lab(Concepts.BILIRUBIN, 4.2, "mg/dL", 1.2)
                                .draft(Concepts.REGORAFENIB, true)
                                .build()))
                .isEmpty();
    }

    private Finding fire(Hook hook, PatientFacts facts) {
        Optional<Finding> finding = rule.evaluate(hook, facts);
        return finding.orElseThrow(() -> new AssertionError("the rule did not fire"));
    }
}
