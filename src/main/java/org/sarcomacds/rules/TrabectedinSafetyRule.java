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
import org.sarcomacds.text.Markdown;
import org.sarcomacds.text.Numbers;

/**
 * LMS-TRABECTEDIN-SAFETY: the label's pre-dose criteria checked against the latest results. Critical when bilirubin is
 * above the do-not-give limit; warning when any criterion is not met; info (monitoring) otherwise. Missing results are
 * listed, never assumed normal.
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

    static final RuleSpec SPEC = RuleSpec.rule(ID, TrabectedinSafetyRule::new)
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN)
            .observes(RESULTS, Concepts.PREGNANCY_STATUS, Concepts.HCG);

    private static final String DELAY = "the label delays the dose.";
    private static final String NO_ULN =
            "%s has no reference range in the record, so it cannot be judged against the" + " ULN: check it by hand.";

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
        List<String> problems = new ArrayList<>();
        List<String> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean severe = checkBilirubin(facts, t, problems);
        checkUln(facts, Concepts.AST, "AST", t.astAltMaxUln(), problems);
        checkUln(facts, Concepts.ALT, "ALT", t.astAltMaxUln(), problems);
        checkUln(facts, Concepts.ALKALINE_PHOSPHATASE, "ALP", t.alkalinePhosphataseMaxUln(), problems);
        checkUln(facts, Concepts.CREATINE_KINASE, "CPK", t.creatineKinaseMaxUln(), problems);
        checkMinimum(
                facts,
                Concepts.NEUTROPHILS,
                "ANC",
                t.neutrophilsMinPerMicrolitre(),
                LabResult::perMicrolitre,
                "/µL",
                DELAY,
                problems);
        checkMinimum(
                facts,
                Concepts.PLATELETS,
                "platelets",
                t.plateletsMinPerMicrolitre(),
                LabResult::perMicrolitre,
                "/µL",
                DELAY,
                problems);
        checkMinimum(
                facts,
                Concepts.HAEMOGLOBIN,
                "haemoglobin",
                t.haemoglobinMinGramsPerDecilitre(),
                LabResult::gramsPerDecilitre,
                " g/dL",
                "the EU label requires at least this before each cycle.",
                problems);
        int recent = parameters.labs().recentDays();
        for (String analyte : RESULTS) {
            facts.lab(analyte)
                    .ifPresentOrElse(
                            lab -> results.add("- " + Markdown.escape(LabText.of(lab, facts, recent))),
                            () -> missing.add(LabText.name(analyte)));
        }
        List<Evidence> evidence = TrabectedinExposure.evidence(facts);
        List<String> notes = new ArrayList<>(RuleNotes.of(evidence, facts));
        if (!missing.isEmpty()) {
            notes.add("No result in the record for: " + String.join(", ", missing) + ". Check them before the dose.");
        }
        Map<String, String> fills = Map.of(
                "assessment",
                        problems.isEmpty()
                                ? "The latest results in the record meet the label's pre-dose criteria."
                                : String.join(
                                        "\n",
                                        problems.stream()
                                                .map(p -> "- **" + p + "**")
                                                .toList()),
                "results", results.isEmpty() ? "- none in the record" : String.join("\n", results));
        String indicator = severe ? "critical" : problems.isEmpty() ? "info" : "warning";
        return Optional.of(new Finding(ID, evidence, fills, notes).withIndicator(indicator));
    }

    /** True when bilirubin is above the do-not-give limit. */
    private boolean checkBilirubin(PatientFacts facts, ClinicalParameters.Trabectedin t, List<String> problems) {
        Optional<LabResult> bilirubin = facts.lab(Concepts.BILIRUBIN);
        Optional<Double> times = bilirubin.flatMap(LabResult::timesUln);
        if (bilirubin.isPresent() && times.isEmpty()) {
            problems.add(NO_ULN.formatted("Total bilirubin"));
            return false;
        }
        if (times.isEmpty() || times.get() <= 1.0) {
            return false;
        }
        double x = times.get();
        if (x > t.bilirubinDoNotGiveAboveUln()) {
            problems.add("Total bilirubin " + Numbers.plain(x) + " × ULN: above "
                    + Numbers.plain(t.bilirubinDoNotGiveAboveUln())
                    + " × ULN the US label says do not give trabectedin (the EU label: not with elevated bilirubin).");
            return true;
        }
        if (x >= t.bilirubinModerateImpairmentFromUln()) {
            problems.add("Total bilirubin " + Numbers.plain(x)
                    + " × ULN: moderate hepatic impairment. Exposure is about 97% higher;"
                    + " the US label starts at "
                    + Numbers.plain(t.moderateHepaticImpairmentDosesMgPerM2().get(0))
                    + " mg/m² (then "
                    + Numbers.plain(t.moderateHepaticImpairmentDosesMgPerM2().get(1)) + ", "
                    + Numbers.plain(t.moderateHepaticImpairmentDosesMgPerM2().get(2)) + " mg/m²).");
        } else {
            problems.add("Total bilirubin " + Numbers.plain(x) + " × ULN: above the ULN, the label delays the dose.");
        }
        return false;
    }

    private static void checkUln(
            PatientFacts facts, String analyte, String name, double maxUln, List<String> problems) {
        Optional<LabResult> lab = facts.lab(analyte);
        if (lab.isPresent() && lab.get().timesUln().isEmpty()) {
            problems.add(NO_ULN.formatted(name));
        }
        lab.flatMap(LabResult::timesUln)
                .filter(x -> x > maxUln)
                .ifPresent(x -> problems.add(name + " " + Numbers.plain(x) + " × ULN: above " + Numbers.plain(maxUln)
                        + " × ULN, the label delays the dose."));
    }

    private static void checkMinimum(
            PatientFacts facts,
            String analyte,
            String name,
            double minimum,
            Function<LabResult, Optional<Double>> value,
            String unit,
            String consequence,
            List<String> problems) {
        Optional<LabResult> lab = facts.lab(analyte);
        if (lab.isPresent() && value.apply(lab.get()).isEmpty()) {
            problems.add(name + " is recorded in a unit this service does not read ("
                    + lab.get().unit() + "): check it against " + Numbers.plain(minimum) + unit + " by hand.");
        }
        lab.flatMap(value)
                .filter(v -> v < minimum)
                .ifPresent(v -> problems.add(name + " " + Numbers.plain(v) + unit + ": below " + Numbers.plain(minimum)
                        + unit + ", " + consequence));
    }
}
