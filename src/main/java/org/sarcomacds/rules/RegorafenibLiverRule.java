package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * LMS-REGORAFENIB-LIVER: the regorafenib label's liver statements for a patient with leiomyosarcoma. On an order hook,
 * a regorafenib draft under review (order-select: the selected one) with a recent total bilirubin above {@code
 * regorafenib.bilirubinNotRecommendedAboveUln} × ULN — severe hepatic impairment, where the label does not recommend
 * regorafenib; the card offers to delete the draft — or with total bilirubin, AST or ALT missing, older than {@code
 * regorafenib.liverTestsValidDays} or not judged (the label checks all three before starting; the card asks for them).
 * On patient-view, regorafenib current with such a bilirubin.
 */
class RegorafenibLiverRule implements Rule {

    static final String ID = "LMS-REGORAFENIB-LIVER";

    static final Variant SUMMARY_NOT_RECOMMENDED = Variant.of("summary-not-recommended", "times", "date", "limit");
    static final Variant SUMMARY_TESTS_NEEDED = Variant.of("summary-tests-needed");
    static final Variant SUMMARY_NOT_JUDGED = Variant.of("summary-not-judged");
    static final Variant NOT_RECOMMENDED = Variant.of("not-recommended", "result", "limit");
    static final Variant TESTS_NOT_RECENT = Variant.of("tests-not-recent", "days", "tests");
    static final Variant TEST_NOT_JUDGED = Variant.of("test-not-judged", "why");
    static final Variant RESULT_LINE = Variant.of("result-line", "result");
    static final Variant NO_RESULTS = Variant.of("no-results");

    static final RuleSpec SPEC = RuleSpec.rule(ID, RegorafenibLiverRule::new)
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.REGORAFENIB)
            .observes(LiverTests.ANALYTES)
            .warning("warning")
            .variants(
                    SUMMARY_NOT_RECOMMENDED,
                    SUMMARY_TESTS_NEEDED,
                    SUMMARY_NOT_JUDGED,
                    NOT_RECOMMENDED,
                    TESTS_NOT_RECENT,
                    TEST_NOT_JUDGED,
                    RESULT_LINE,
                    NO_RESULTS)
            .fills("assessment", "results");

    private final ClinicalParameters parameters;

    RegorafenibLiverRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (facts.leiomyosarcoma().isEmpty()) {
            return Optional.empty();
        }
        boolean patientView = facts.hook() == Hook.PATIENT_VIEW;
        List<DraftOrder> drafts = facts.draftsUnderReview(Concepts.REGORAFENIB);
        if (patientView ? facts.currentExposures(Concepts.REGORAFENIB).isEmpty() : drafts.isEmpty()) {
            return Optional.empty();
        }
        ClinicalParameters.Regorafenib r = parameters.regorafenib();
        int days = r.liverTestsValidDays();
        Optional<Finding> finding = severeImpairment(facts, days)
                .map(bilirubin -> notRecommended(facts, bilirubin, days).withRemovals(drafts));
        if (finding.isEmpty() && !patientView) {
            finding = testsNeeded(facts, days).map(f -> f.concerning(drafts));
        }
        return finding;
    }

    /** The recent total bilirubin when it is above the limit of severe hepatic impairment, judged in its own unit. */
    private Optional<LabResult> severeImpairment(PatientFacts facts, int days) {
        double limit = parameters.regorafenib().bilirubinNotRecommendedAboveUln();
        return facts.recentLab(Concepts.BILIRUBIN, days)
                .filter(lab -> lab.timesUln().map(x -> x > limit).orElse(false));
    }

    private Finding notRecommended(PatientFacts facts, LabResult bilirubin, int days) {
        String limit = Numbers.plain(parameters.regorafenib().bilirubinNotRecommendedAboveUln());
        Text assessment = NOT_RECOMMENDED.with("result", LabText.of(bilirubin, facts, days), "limit", limit);
        return finding(facts, assessment, days)
                .withSummary(SUMMARY_NOT_RECOMMENDED.with(
                        "times",
                        Numbers.plain(bilirubin.timesUln().orElseThrow()),
                        "date",
                        bilirubin.date().toString(),
                        "limit",
                        limit));
    }

    /** Bilirubin, AST or ALT missing, older than the window, or not judged: the card asks for recent tests. */
    private Optional<Finding> testsNeeded(PatientFacts facts, int days) {
        Text summary =
                LiverTests.notRecent(facts, days).isEmpty() ? SUMMARY_NOT_JUDGED.with() : SUMMARY_TESTS_NEEDED.with();
        return LiverTests.gap(facts, days, TESTS_NOT_RECENT, TEST_NOT_JUDGED)
                .map(assessment -> finding(facts, assessment, days).withSummary(summary));
    }

    private Finding finding(PatientFacts facts, Text assessment, int days) {
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        if (facts.hook() == Hook.PATIENT_VIEW) {
            facts.currentExposures(Concepts.REGORAFENIB)
                    .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_MEDICATION, f)));
        } else {
            facts.drafts(Concepts.REGORAFENIB)
                    .forEach(d -> evidence.add(new Evidence(Phrase.ROLE_DRAFT_ORDER, d.drug())));
        }
        List<Object> results = new ArrayList<>();
        for (String analyte : LiverTests.ANALYTES) {
            facts.lab(analyte).ifPresent(lab -> results.add(RESULT_LINE.with("result", LabText.of(lab, facts, days))));
        }
        return new Finding(
                ID,
                evidence,
                Map.of("assessment", assessment, "results", results.isEmpty() ? NO_RESULTS.with() : results),
                RuleNotes.of(evidence, facts));
    }
}
