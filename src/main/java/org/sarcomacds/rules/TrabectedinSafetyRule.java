package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * LMS-TRABECTEDIN-SAFETY: the label's pre-dose criteria checked against the latest results. Critical when bilirubin is
 * above the do-not-give limit (the card then says what is wrong and what to do, and offers to delete the draft);
 * warning when any criterion is not met; info (monitoring) otherwise. Missing results are listed, never assumed
 * normal.
 */
class TrabectedinSafetyRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-SAFETY";
    /** The results the card lists, in this order; a missing one is named on the card. */
    private static final List<String> RESULTS = List.of(
            Concepts.BILIRUBIN,
            Concepts.AST,
            Concepts.ALT,
            Concepts.ALKALINE_PHOSPHATASE,
            Concepts.CREATINE_KINASE,
            Concepts.NEUTROPHILS,
            Concepts.PLATELETS,
            Concepts.HAEMOGLOBIN,
            Concepts.LVEF);

    static final Variant CRITERIA_MET = Variant.of("criteria-met");
    static final Variant NO_REFERENCE_RANGE = Variant.of("no-reference-range", "name");
    static final Variant BILIRUBIN_DO_NOT_GIVE = Variant.of("bilirubin-do-not-give", "times", "limit");
    static final Variant BILIRUBIN_MODERATE =
            Variant.of("bilirubin-moderate-impairment", "times", "start", "second", "third");
    static final Variant BILIRUBIN_ABOVE_ULN = Variant.of("bilirubin-above-uln", "times");
    static final Variant ABOVE_LIMIT = Variant.of("above-limit-delay", "name", "times", "limit");
    static final Variant UNIT_NOT_READ = Variant.of("unit-not-read", "name", "unit", "minimum");
    static final Variant BELOW_MINIMUM = Variant.of("below-minimum-delay", "name", "value", "minimum");
    static final Variant BELOW_EU_MINIMUM = Variant.of("below-eu-minimum", "name", "value", "minimum");
    static final Variant MISSING_RESULTS = Variant.of("missing-results", "names");
    static final Variant RESULT_LINE = Variant.of("result-line", "result");
    static final Variant NO_RESULTS = Variant.of("no-results");
    static final Variant SUMMARY_DO_NOT_GIVE = Variant.of("summary-do-not-give", "times", "date", "limit");

    static final RuleSpec SPEC = RuleSpec.rule(ID, TrabectedinSafetyRule::new)
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN)
            .observes(RESULTS, Concepts.PREGNANCY_STATUS, Concepts.HCG)
            .warning("info", "warning", "critical")
            .variants(
                    CRITERIA_MET,
                    NO_REFERENCE_RANGE,
                    BILIRUBIN_DO_NOT_GIVE,
                    BILIRUBIN_MODERATE,
                    BILIRUBIN_ABOVE_ULN,
                    ABOVE_LIMIT,
                    UNIT_NOT_READ,
                    BELOW_MINIMUM,
                    BELOW_EU_MINIMUM,
                    MISSING_RESULTS,
                    RESULT_LINE,
                    NO_RESULTS,
                    SUMMARY_DO_NOT_GIVE)
            .fills("assessment", "results");

    private final ClinicalParameters parameters;

    TrabectedinSafetyRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!TrabectedinExposure.concerned(facts)) {
            return Optional.empty();
        }
        ClinicalParameters.Trabectedin t = parameters.trabectedin();
        List<Text> problems = new ArrayList<>();
        Optional<Text> doNotGive = checkBilirubin(facts, t, problems);
        checkUln(facts, Concepts.AST, t.astAltMaxUln(), problems);
        checkUln(facts, Concepts.ALT, t.astAltMaxUln(), problems);
        checkUln(facts, Concepts.ALKALINE_PHOSPHATASE, t.alkalinePhosphataseMaxUln(), problems);
        checkUln(facts, Concepts.CREATINE_KINASE, t.creatineKinaseMaxUln(), problems);
        checkMinimum(facts, Concepts.NEUTROPHILS, t.neutrophilsMinPerMicrolitre(), LabResult::perMicrolitre, problems);
        checkMinimum(facts, Concepts.PLATELETS, t.plateletsMinPerMicrolitre(), LabResult::perMicrolitre, problems);
        checkEuMinimum(facts, t.haemoglobinMinGramsPerDecilitre(), problems);
        int recent = parameters.labs().recentDays();
        List<Object> results = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        for (String analyte : RESULTS) {
            facts.lab(analyte)
                    .ifPresentOrElse(
                            lab -> results.add(RESULT_LINE.with("result", LabText.of(lab, facts, recent))),
                            () -> missing.add(LabText.name(analyte)));
        }
        List<Evidence> evidence = TrabectedinExposure.evidence(facts);
        List<Text> notes = new ArrayList<>(RuleNotes.of(evidence, facts));
        if (!missing.isEmpty()) {
            notes.add(MISSING_RESULTS.with("names", new Text.Inline(missing)));
        }
        Map<String, Object> fills = Map.of(
                "assessment",
                problems.isEmpty() ? CRITERIA_MET.with() : problems,
                "results",
                results.isEmpty() ? NO_RESULTS.with() : results);
        String indicator = doNotGive.isPresent() ? "critical" : problems.isEmpty() ? "info" : "warning";
        Finding finding = new Finding(ID, evidence, fills, notes)
                .withIndicator(indicator)
                .concerning(facts.draftsUnderReview(Concepts.TRABECTEDIN));
        if (doNotGive.isPresent()) {
            finding = finding.withSummary(doNotGive.get()).withRemovals(facts.draftsUnderReview(Concepts.TRABECTEDIN));
        }
        return Optional.of(finding);
    }

    /** The summary of a critical card when bilirubin is above the do-not-give limit; empty otherwise. */
    private Optional<Text> checkBilirubin(PatientFacts facts, ClinicalParameters.Trabectedin t, List<Text> problems) {
        Optional<LabResult> bilirubin = facts.lab(Concepts.BILIRUBIN);
        Optional<Double> times = bilirubin.flatMap(LabResult::timesUln);
        if (bilirubin.isPresent() && times.isEmpty()) {
            problems.add(NO_REFERENCE_RANGE.with("name", LabText.name(Concepts.BILIRUBIN)));
            return Optional.empty();
        }
        if (times.isEmpty() || times.get() <= 1.0) {
            return Optional.empty();
        }
        String x = Numbers.plain(times.get());
        String limit = Numbers.plain(t.bilirubinDoNotGiveAboveUln());
        if (times.get() > t.bilirubinDoNotGiveAboveUln()) {
            problems.add(BILIRUBIN_DO_NOT_GIVE.with("times", x, "limit", limit));
            LabResult lab = bilirubin.get();
            return Optional.of(SUMMARY_DO_NOT_GIVE.with(
                    "times",
                    x,
                    "date",
                    lab.date() == null ? Phrase.LAB_UNDATED.text() : lab.date().toString(),
                    "limit",
                    limit));
        }
        if (times.get() >= t.bilirubinModerateImpairmentFromUln()) {
            List<Double> doses = t.moderateHepaticImpairmentDosesMgPerM2();
            problems.add(BILIRUBIN_MODERATE.with(
                    "times",
                    x,
                    "start",
                    Numbers.plain(doses.get(0)),
                    "second",
                    Numbers.plain(doses.get(1)),
                    "third",
                    Numbers.plain(doses.get(2))));
        } else {
            problems.add(BILIRUBIN_ABOVE_ULN.with("times", x));
        }
        return Optional.empty();
    }

    private static void checkUln(PatientFacts facts, String analyte, double maxUln, List<Text> problems) {
        Optional<LabResult> lab = facts.lab(analyte);
        if (lab.isPresent() && lab.get().timesUln().isEmpty()) {
            problems.add(NO_REFERENCE_RANGE.with("name", LabText.name(analyte)));
        }
        lab.flatMap(LabResult::timesUln)
                .filter(x -> x > maxUln)
                .ifPresent(x -> problems.add(ABOVE_LIMIT.with(
                        "name", LabText.name(analyte), "times", Numbers.plain(x), "limit", Numbers.plain(maxUln))));
    }

    /** A count the US label delays the dose for when it is below the minimum (per µL). */
    private static void checkMinimum(
            PatientFacts facts,
            String analyte,
            double minimum,
            Function<LabResult, Optional<Double>> value,
            List<Text> problems) {
        below(facts, analyte, minimum, "/µL", value, BELOW_MINIMUM, problems);
    }

    /** Haemoglobin, which the EU label requires at least this before each cycle (g/dL). */
    private static void checkEuMinimum(PatientFacts facts, double minimum, List<Text> problems) {
        below(facts, Concepts.HAEMOGLOBIN, minimum, " g/dL", LabResult::gramsPerDecilitre, BELOW_EU_MINIMUM, problems);
    }

    private static void below(
            PatientFacts facts,
            String analyte,
            double minimum,
            String unit,
            Function<LabResult, Optional<Double>> value,
            Variant variant,
            List<Text> problems) {
        Optional<LabResult> lab = facts.lab(analyte);
        if (lab.isPresent() && value.apply(lab.get()).isEmpty()) {
            problems.add(UNIT_NOT_READ.with(
                    "name", LabText.name(analyte), "unit", lab.get().unit(), "minimum", Numbers.plain(minimum) + unit));
        }
        lab.flatMap(value)
                .filter(v -> v < minimum)
                .ifPresent(v -> problems.add(variant.with(
                        "name", LabText.name(analyte), "value", Numbers.plain(v), "minimum", Numbers.plain(minimum))));
    }
}
