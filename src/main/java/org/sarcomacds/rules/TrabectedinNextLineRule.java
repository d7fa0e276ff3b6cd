package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sarcomacds.facts.BodySurfaceArea;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Markdown;
import org.sarcomacds.text.Numbers;

/**
 * LMS-TRABECTEDIN-NEXT-LINE: metastatic leiomyosarcoma after an anthracycline, trabectedin never given. The US
 * indication needs only a prior anthracycline-containing regimen, so ifosfamide is not required. The order is offered
 * only when the liver tests do not rule out the standard starting dose.
 */
class TrabectedinNextLineRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-NEXT-LINE";
    static final RuleSpec SPEC = RuleSpec.rule(ID, TrabectedinNextLineRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Concepts.SYSTEMIC_THERAPIES,
                    Concepts.ANTHRACYCLINES,
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE)
            .observes(Concepts.BODY_MEASUREMENTS, Concepts.BILIRUBIN, Concepts.AST, Concepts.ALT, Concepts.ECOG);

    private final ClinicalParameters parameters;

    TrabectedinNextLineRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!applies(facts)) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.anthracyclineEvidence(facts);
        List<String> notes = new ArrayList<>(RuleNotes.of(evidence, facts));
        Map<String, String> fills = new HashMap<>();
        fills.put("therapyHistory", therapyHistory(facts));
        fills.putAll(dose(facts, notes));
        Optional<String> liverProblem = liverProblem(facts);
        fills.put(
                "liver", liverProblem.map(p -> "**" + Markdown.escape(p) + "**").orElse(""));
        Finding finding = new Finding(ID, evidence, fills, notes);
        return Optional.of(liverProblem.isPresent() ? finding : finding.offeringOrders());
    }

    /** Also read by the low-dose radiotherapy rule, which goes with this recommendation. */
    static boolean applies(PatientFacts facts) {
        return DiseaseStates.metastaticAfterAnthracycline(facts)
                && facts.exposures(Concepts.TRABECTEDIN).isEmpty()
                && facts.drafts(Concepts.TRABECTEDIN).isEmpty();
    }

    private Map<String, String> dose(PatientFacts facts, List<String> notes) {
        ClinicalParameters.Trabectedin t = parameters.trabectedin();
        Optional<BodySurfaceArea> bsa = facts.bsa();
        if (bsa.isEmpty()) {
            notes.add("Body surface area unknown (" + BodyText.gap(facts.body()) + "): the suggested order states "
                    + Numbers.plain(t.startingDoseMgPerM2()) + " mg/m²; calculate the dose in mg before signing.");
            return Map.of(
                    "doseValue",
                    Numbers.plain(t.startingDoseMgPerM2()),
                    "doseUnit",
                    "mg/m2",
                    "doseText",
                    Numbers.plain(t.startingDoseMgPerM2()) + " mg/m² (BSA unknown)");
        }
        double mg = Math.round(t.startingDoseMgPerM2() * bsa.get().squareMetres() * 100) / 100.0;
        String text = Numbers.plain(t.startingDoseMgPerM2()) + " mg/m² × "
                + Numbers.plain(bsa.get().squareMetres()) + " m² = " + Numbers.plain(mg) + " mg";
        notes.add("Dose: " + text + "; BSA by " + bsa.get().how() + ".");
        return Map.of("doseValue", Numbers.plain(mg), "doseUnit", "mg", "doseText", text);
    }

    /** A reason the standard starting dose may be wrong, from the label's liver criteria; empty when none is known. */
    private Optional<String> liverProblem(PatientFacts facts) {
        ClinicalParameters.Trabectedin t = parameters.trabectedin();
        int recent = parameters.labs().recentDays();
        Optional<LabResult> bilirubin = facts.lab(Concepts.BILIRUBIN);
        if (bilirubin.isEmpty()) {
            return Optional.of(
                    "No order is suggested: the record has no total bilirubin, and the standard starting dose"
                            + " needs a normal bilirubin and AST/ALT ≤ " + Numbers.plain(t.astAltMaxUln()) + " × ULN.");
        }
        if (bilirubin.get().timesUln().isEmpty()) {
            return Optional.of("No order is suggested: the latest total bilirubin has no reference range in the record,"
                    + " so it cannot be checked against the ULN.");
        }
        double times = bilirubin.get().timesUln().get();
        if (times > 1.0) {
            String level = times > t.bilirubinDoNotGiveAboveUln()
                    ? "above " + Numbers.plain(t.bilirubinDoNotGiveAboveUln())
                            + " × ULN, where the US label says not to give trabectedin"
                    : times >= t.bilirubinModerateImpairmentFromUln()
                            ? "moderate hepatic impairment, where the US label starts at "
                                    + Numbers.plain(t.moderateHepaticImpairmentDosesMgPerM2()
                                            .get(0)) + " mg/m²"
                            : "above the ULN; the standard starting dose needs a normal bilirubin";
            return Optional.of("No order is suggested: latest " + LabText.of(bilirubin.get(), facts, recent) + " — "
                    + level + ".");
        }
        for (String enzyme : List.of(Concepts.AST, Concepts.ALT)) {
            Optional<LabResult> lab = facts.lab(enzyme);
            if (lab.isPresent() && lab.get().timesUln().isEmpty()) {
                return Optional.of("No order is suggested: the latest " + LabText.name(enzyme)
                        + " has no reference range in the record, so it cannot be checked against the ULN.");
            }
            if (lab.isPresent() && lab.get().timesUln().get() > t.astAltMaxUln()) {
                return Optional.of("No order is suggested: latest " + LabText.of(lab.get(), facts, recent)
                        + " — above " + Numbers.plain(t.astAltMaxUln())
                        + " × ULN; the standard starting dose needs AST/ALT ≤ "
                        + Numbers.plain(t.astAltMaxUln()) + " × ULN.");
            }
        }
        return Optional.empty();
    }

    /** The systemic therapies in the record, e.g. "doxorubicin (completed), pazopanib (stopped: Disease progression)". */
    private static String therapyHistory(PatientFacts facts) {
        List<String> lines = new ArrayList<>();
        for (String drug : Concepts.SYSTEMIC_THERAPIES) {
            List<Fact> exposures = facts.exposures(drug);
            if (!exposures.isEmpty()) {
                lines.add(drug + " ("
                        + exposures.stream()
                                .map(f ->
                                        Markdown.escape(f.note().isEmpty() ? f.status() : f.status() + ": " + f.note()))
                                .distinct()
                                .collect(Collectors.joining("; "))
                        + ")");
            }
        }
        return lines.isEmpty() ? "none recorded" : String.join(", ", lines);
    }
}
