package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.sarcomacds.facts.BodySurfaceArea;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Cyp3a;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * LMS-TRABECTEDIN-NEXT-LINE: metastatic leiomyosarcoma after an anthracycline, trabectedin never given. The US
 * indication needs only a prior anthracycline-containing regimen, so ifosfamide is not required. The order is offered
 * only when no line of therapy is current (or progression on it is recorded), the metastasis is confirmed, and total
 * bilirubin, AST and ALT are recent ({@code preDose.resultValidDays}), judged and within the standard starting dose's
 * limits. Its dose is in mg only when height and weight are plausible and recent (a BSA); otherwise the option names
 * every problem of the measurements, and the order states the dose per m² in its text and carries no dose quantity.
 */
class TrabectedinNextLineRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-NEXT-LINE";

    static final Variant DOSE_FROM_BSA = Variant.of("dose-from-bsa", "perM2", "bsa", "mg");
    static final Variant DOSE_PER_M2 = Variant.of("dose-per-m2", "perM2");
    static final Variant DOSE_NOTE = Variant.of("dose-note", "how");
    static final Variant NO_DOSE_IN_MG = Variant.of("no-dose-in-mg", "problems");
    static final Variant LIVER_TESTS_NOT_RECENT = Variant.of("liver-tests-not-recent", "days", "tests");
    static final Variant LIVER_TEST_NOT_JUDGED = Variant.of("liver-test-not-judged", "why");
    static final Variant BILIRUBIN_DO_NOT_GIVE = Variant.of("bilirubin-do-not-give", "result", "limit");
    static final Variant BILIRUBIN_MODERATE = Variant.of("bilirubin-moderate-impairment", "result", "start");
    static final Variant BILIRUBIN_ABOVE_ULN = Variant.of("bilirubin-above-uln", "result");
    static final Variant ENZYME_ABOVE_LIMIT = Variant.of("enzyme-above-limit", "result", "limit");
    static final Variant THERAPY_HISTORY = Variant.of("therapy-history", "history");
    static final Variant THERAPY = Variant.of("therapy", "drug", "statuses");
    static final Variant STATUS_WITH_NOTE = Variant.of("status-with-note", "status", "note");
    static final Variant CYP3A_IN_RECORD = Variant.of("cyp3a-in-record", "drugs");
    static final Variant CYP3A_INHIBITOR = Variant.of("cyp3a-inhibitor", "names", "strength");
    static final Variant CYP3A_INDUCER = Variant.of("cyp3a-inducer", "names", "strength");

    static final RuleSpec SPEC = RuleSpec.rule(ID, TrabectedinNextLineRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Stream.concat(DiseaseStates.CURRENT_LINE_READS.stream(), Concepts.CYP3A_INTERACTING.stream())
                            .toList(),
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE)
            .observes(Concepts.BODY_MEASUREMENTS, Concepts.BILIRUBIN, Concepts.AST, Concepts.ALT, Concepts.ECOG)
            .option()
            .variants(
                    DOSE_FROM_BSA,
                    DOSE_PER_M2,
                    DOSE_NOTE,
                    NO_DOSE_IN_MG,
                    LIVER_TESTS_NOT_RECENT,
                    LIVER_TEST_NOT_JUDGED,
                    BILIRUBIN_DO_NOT_GIVE,
                    BILIRUBIN_MODERATE,
                    BILIRUBIN_ABOVE_ULN,
                    ENZYME_ABOVE_LIMIT,
                    THERAPY_HISTORY,
                    THERAPY,
                    STATUS_WITH_NOTE,
                    CYP3A_IN_RECORD,
                    CYP3A_INHIBITOR,
                    CYP3A_INDUCER)
            .fills("dose", "body", "liver", "doseMg", "cyp3a");

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
        List<Text> notes = new ArrayList<>(RuleNotes.of(evidence, facts));
        notes.add(THERAPY_HISTORY.with("history", therapyHistory(facts)));
        Map<String, Object> fills = new HashMap<>(dose(facts, notes));
        boolean mayDraft = DiseaseStates.mayDraft(facts);
        Optional<Text> liverProblem = mayDraft ? liverProblem(facts) : Optional.empty();
        fills.put("liver", liverProblem.<Object>map(p -> p).orElse(""));
        fills.put("cyp3a", cyp3aInRecord(facts, evidence));
        Finding finding = DiseaseStates.withCurrentLine(
                DiseaseStates.forConsult(new Finding(ID, evidence, fills, notes), facts, parameters.ecog()), facts);
        Optional<String> condition = DiseaseStates.treatedCondition(facts);
        return Optional.of(
                !mayDraft || liverProblem.isPresent() || condition.isEmpty()
                        ? finding
                        : finding.offeringOrders(condition.get()));
    }

    /**
     * CYP3A inhibitors and inducers the patient takes now: the option still stands (the other drug may be changed), but
     * it says so, as the interaction card will when trabectedin is ordered.
     */
    private static Object cyp3aInRecord(PatientFacts facts, List<Evidence> evidence) {
        List<Object> drugs = new ArrayList<>();
        TrabectedinCyp3aRule.interacting(facts).forEach((cyp3a, found) -> {
            found.forEach(f -> evidence.add(new Evidence(TrabectedinCyp3aRule.role(cyp3a), f)));
            drugs.add((cyp3a.effect() == Cyp3a.Effect.INHIBITOR ? CYP3A_INHIBITOR : CYP3A_INDUCER)
                    .with(
                            "names",
                            TrabectedinCyp3aRule.names(found),
                            "strength",
                            TrabectedinCyp3aRule.strength(cyp3a)));
        });
        return drugs.isEmpty() ? "" : CYP3A_IN_RECORD.with("drugs", new Text.Inline(drugs));
    }

    /** Also read by the low-dose radiotherapy rule, which goes with this recommendation. */
    static boolean applies(PatientFacts facts) {
        return DiseaseStates.metastaticAfterAnthracycline(facts)
                && facts.exposures(Concepts.TRABECTEDIN).isEmpty()
                && facts.drafts(Concepts.TRABECTEDIN).isEmpty();
    }

    /**
     * The dose for the option and the order: in mg from the BSA; else per m² only (no dose in mg), and the option
     * names every problem of the height and weight.
     */
    private Map<String, Object> dose(PatientFacts facts, List<Text> notes) {
        ClinicalParameters.Trabectedin t = parameters.trabectedin();
        String perM2 = Numbers.plain(t.startingDoseMgPerM2());
        Optional<BodySurfaceArea> bsa = facts.bsa();
        if (bsa.isEmpty()) {
            Object problems = BodyText.problems(facts.body())
                    .<Object>map(p -> NO_DOSE_IN_MG.with("problems", p))
                    .orElse("");
            return Map.of("dose", DOSE_PER_M2.with("perM2", perM2), "body", problems);
        }
        double mg = Math.round(t.startingDoseMgPerM2() * bsa.get().squareMetres() * 100) / 100.0;
        Text dose = DOSE_FROM_BSA.with(
                "perM2", perM2, "bsa", Numbers.plain(bsa.get().squareMetres()), "mg", Numbers.plain(mg));
        notes.add(DOSE_NOTE.with("how", bsa.get().how()));
        return Map.of("dose", dose, "doseMg", Numbers.plain(mg), "body", "");
    }

    /**
     * A reason not to draft the standard starting dose, from the label's liver criteria judged on recent results only:
     * a missing, older or unjudged bilirubin, AST or ALT, or one beyond its limit; empty when none.
     */
    private Optional<Text> liverProblem(PatientFacts facts) {
        ClinicalParameters.Trabectedin t = parameters.trabectedin();
        int days = parameters.preDose().resultValidDays();
        Optional<Text> gap = LiverTests.gap(facts, days, LIVER_TESTS_NOT_RECENT, LIVER_TEST_NOT_JUDGED);
        if (gap.isPresent()) {
            return gap;
        }
        double times = LiverTests.timesUln(facts, Concepts.BILIRUBIN, days);
        if (times > 1.0) {
            Text result = LabText.of(facts.lab(Concepts.BILIRUBIN).orElseThrow(), facts, days);
            if (times > t.bilirubinDoNotGiveAboveUln()) {
                return Optional.of(BILIRUBIN_DO_NOT_GIVE.with(
                        "result", result, "limit", Numbers.plain(t.bilirubinDoNotGiveAboveUln())));
            }
            if (times > t.bilirubinModerateImpairmentFromUln()) {
                return Optional.of(BILIRUBIN_MODERATE.with(
                        "result",
                        result,
                        "start",
                        Numbers.plain(t.moderateHepaticImpairmentDosesMgPerM2().get(0))));
            }
            return Optional.of(BILIRUBIN_ABOVE_ULN.with("result", result));
        }
        for (String enzyme : List.of(Concepts.AST, Concepts.ALT)) {
            if (LiverTests.timesUln(facts, enzyme, days) > t.astAltMaxUln()) {
                return Optional.of(ENZYME_ABOVE_LIMIT.with(
                        "result",
                        LabText.of(facts.lab(enzyme).orElseThrow(), facts, days),
                        "limit",
                        Numbers.plain(t.astAltMaxUln())));
            }
        }
        return Optional.empty();
    }

    /** The systemic therapies in the record, each with its statuses, e.g. pazopanib (stopped: Disease progression). */
    private static Object therapyHistory(PatientFacts facts) {
        List<Object> lines = new ArrayList<>();
        for (String drug : Concepts.SYSTEMIC_THERAPIES) {
            List<Fact> exposures = facts.exposures(drug);
            if (!exposures.isEmpty()) {
                List<Object> statuses = exposures.stream()
                        .map(f -> statusOf(f, facts))
                        .distinct()
                        .toList();
                lines.add(THERAPY.with("drug", drug, "statuses", new Text.Inline(statuses)));
            }
        }
        // Anthracyclines other than doxorubicin (epirubicin, idarubicin, daunorubicin), named as the record does.
        List<String> doxorubicin = facts.exposures(Concepts.DOXORUBICIN).stream()
                .map(Fact::reference)
                .toList();
        facts.anthracyclineExposures().stream()
                .filter(f -> !doxorubicin.contains(f.reference()))
                .forEach(f -> lines.add(THERAPY.with("drug", f.display(), "statuses", statusOf(f, facts))));
        return lines.isEmpty() ? Phrase.NONE_RECORDED.text() : new Text.Inline(lines);
    }

    /** Its status, with why it stopped; a current line on which progression is recorded says where (the note). */
    private static Object statusOf(Fact f, PatientFacts facts) {
        String note =
                !f.note().isEmpty() ? f.note() : f.current() && facts.progressionRecorded(f) ? f.stopDetail() : "";
        return note.isEmpty() ? f.status() : STATUS_WITH_NOTE.with("status", f.status(), "note", note);
    }
}
