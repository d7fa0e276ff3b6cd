package org.sarcomacds.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.BodyMeasurements;
import org.sarcomacds.facts.BodyProblem;
import org.sarcomacds.facts.BodySurfaceArea;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Cyp3a;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Ecog;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.facts.Pregnancy;
import org.sarcomacds.facts.Route;

/** Builds {@link PatientFacts} directly, so that rule tests state only the facts they are about. */
final class FactsBuilder {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String LMS_REF = "Condition/lms";
    static final String LIVER = "metastasis-liver";
    static final String LUNG = "metastasis-lung";

    private final List<Fact> conditions = new ArrayList<>();
    private final List<Fact> medications = new ArrayList<>();
    private final List<DraftOrder> drafts = new ArrayList<>();
    private final Map<String, LabResult> labs = new HashMap<>();
    private final List<Fact> ntrk = new ArrayList<>();
    private BodySurfaceArea bsa;
    private BodyMeasurements body;
    private Pregnancy pregnancy;
    private Ecog ecog;
    private Fact unreadableEcog;
    private int next;

    static FactsBuilder patient() {
        return new FactsBuilder();
    }

    /** Active leiomyosarcoma with an active liver metastasis. */
    static FactsBuilder metastaticLms() {
        return patient().lms().metastasis(LIVER);
    }

    /** Metastatic leiomyosarcoma after doxorubicin: the starting point of the next-line rules. */
    static FactsBuilder afterAnthracycline() {
        return metastaticLms().past(Concepts.DOXORUBICIN);
    }

    FactsBuilder lms() {
        return lms(null);
    }

    FactsBuilder lms(LocalDate onset) {
        conditions.add(condition(Concepts.LEIOMYOSARCOMA, LMS_REF, true, "", onset));
        return this;
    }

    /** An active leiomyosarcoma that is not confirmed, with its note (e.g. "not confirmed (\"r/o leiomyosarcoma\")"). */
    FactsBuilder unconfirmedLms(String note) {
        conditions.add(condition(Concepts.LEIOMYOSARCOMA, LMS_REF, true, note, null));
        return this;
    }

    /** Active leiomyosarcoma whose Condition records the end of curative treatment ({@code abatement[x]}). */
    FactsBuilder lms(LocalDate onset, LocalDate abated) {
        conditions.add(
                condition(Concepts.LEIOMYOSARCOMA, LMS_REF, true, "", onset).withEnd(abated));
        return this;
    }

    /** A therapy completed on {@code end}, e.g. adjuvant chemotherapy before the metastasis. */
    FactsBuilder completed(String drug, LocalDate end) {
        return exposure(medication(drug, "completed", false, "")
                .withEnd(end)
                .withUse(new Fact.Use(null, new Fact.Stop(Fact.StopCategory.COMPLETED, "", false, false), null)));
    }

    FactsBuilder inactiveLms() {
        conditions.add(condition(Concepts.LEIOMYOSARCOMA, LMS_REF, false, "", null));
        return this;
    }

    /** A site of the leiomyosarcoma Condition itself, e.g. {@code site-bone}. */
    FactsBuilder primarySite(String site) {
        conditions.add(condition(site, LMS_REF, true, "", null));
        return this;
    }

    /** An active, confirmed metastatic-disease Condition with a site value set (or null for none), without onset. */
    FactsBuilder metastasis(String site) {
        return metastasis(site, null, true, "");
    }

    FactsBuilder metastasis(String site, LocalDate onset) {
        return metastasis(site, onset, true, "");
    }

    FactsBuilder metastasis(String site, LocalDate onset, boolean active, String note) {
        String ref = "Condition/met" + (++next);
        conditions.add(condition(Concepts.METASTATIC_DISEASE, ref, active, note, onset));
        if (site != null) {
            conditions.add(condition(site, ref, active, note, onset));
        }
        return this;
    }

    FactsBuilder past(String drug) {
        return exposure(medication(drug, "completed", false, ""));
    }

    FactsBuilder current(String drug) {
        return exposure(medication(drug, "active", true, ""));
    }

    /** A current exposure started on {@code start}. */
    FactsBuilder currentSince(String drug, LocalDate start) {
        return exposure(new Fact(
                drug,
                drug + " (current)",
                "MedicationStatement/" + drug + "-since-" + start,
                "active",
                true,
                start.toString(),
                "ATC test",
                false,
                "",
                start,
                null));
    }

    /**
     * A use that ended for the reason given, as the facts read it: {@code progression} and {@code toxicity} say what
     * the stop reason names; a current use with progression recorded keeps running.
     */
    FactsBuilder stopped(String drug, boolean current, String reason, boolean progression, boolean toxicity) {
        Fact.StopCategory category = current
                ? Fact.StopCategory.NONE
                : progression
                        ? Fact.StopCategory.PROGRESSION
                        : toxicity ? Fact.StopCategory.TOXICITY : Fact.StopCategory.OTHER;
        return exposure(medication(drug, current ? "active" : "stopped", current, reason)
                .withUse(new Fact.Use(null, new Fact.Stop(category, reason, progression, toxicity), null)));
    }

    /** A doxorubicin exposure is an anthracycline exposure too, as the value sets make it (the class holds its codes). */
    FactsBuilder exposure(Fact fact) {
        medications.add(fact);
        if (fact.concept().equals(Concepts.DOXORUBICIN)) {
            medications.add(new Fact(
                    Concepts.ANTHRACYCLINES,
                    fact.display(),
                    fact.reference(),
                    fact.status(),
                    fact.current(),
                    fact.when(),
                    fact.matchedOn(),
                    fact.byName(),
                    fact.note(),
                    fact.start(),
                    fact.gramsPerM2PerCycle(),
                    fact.end(),
                    fact.use()));
        }
        return this;
    }

    FactsBuilder draft(String drug, boolean selected) {
        drafts.add(new DraftOrder(
                new Fact(
                                drug,
                                drug + " (draft)",
                                "MedicationRequest/draft-" + drug + (++next),
                                "draft",
                                true,
                                "",
                                "ATC test",
                                false)
                        .withUse(use(drug)),
                selected));
        return this;
    }

    FactsBuilder lab(String analyte, double value, String unit, Double uln) {
        return lab(analyte, value, unit, uln, TODAY.minusDays(2));
    }

    /** A result taken on {@code date} (null: undated). */
    FactsBuilder lab(String analyte, double value, String unit, Double uln, LocalDate date) {
        labs.put(analyte, new LabResult(analyte, analyte, value, unit, uln, date, "Observation/" + analyte));
        return this;
    }

    /** Any result as the facts read it, e.g. an LVEF with its lower limit or a range without a unit. */
    FactsBuilder lab(LabResult result) {
        labs.put(result.analyte(), result);
        return this;
    }

    /** Every pre-dose result the trabectedin safety rule reads, within limits, but taken on {@code date}. */
    FactsBuilder preDoseLabsOn(LocalDate date) {
        normalPreDoseLabs();
        labs.replaceAll((analyte, r) -> new LabResult(
                analyte,
                r.display(),
                r.value(),
                r.unit(),
                r.upperLimit(),
                date,
                r.reference(),
                r.lowerLimit(),
                r.range()));
        return this;
    }

    FactsBuilder pregnancy(Pregnancy result) {
        pregnancy = result;
        return this;
    }

    /** A result dated {@code date} (null: undated). */
    FactsBuilder labOn(String analyte, double value, String unit, Double uln, LocalDate date) {
        labs.put(analyte, new LabResult(analyte, analyte, value, unit, uln, date, "Observation/" + analyte));
        return this;
    }

    /** A result whose reference range is recorded as the facts judged it (e.g. a limit without a unit). */
    FactsBuilder labWithRange(String analyte, double value, String unit, LabResult.Range range) {
        labs.put(
                analyte,
                new LabResult(
                        analyte,
                        analyte,
                        value,
                        unit,
                        null,
                        TODAY.minusDays(2),
                        "Observation/" + analyte,
                        null,
                        range));
        return this;
    }

    /** An ECOG result {@code daysOld} days old whose grade the facts could not read. */
    FactsBuilder unreadableEcog(int daysOld) {
        LocalDate date = TODAY.minusDays(daysOld);
        unreadableEcog = new Fact(
                Concepts.ECOG,
                "",
                "Observation/ecog-text",
                "",
                true,
                date.toString(),
                "LOINC 89247-1",
                false,
                "",
                date,
                null);
        return this;
    }

    /** The latest ECOG, {@code daysOld} days old; recent within the 90 days of {@code ecog.validDays}. */
    FactsBuilder ecog(int score, int daysOld) {
        ecog = new Ecog(
                score, TODAY.minusDays(daysOld), "Observation/ecog", "LOINC 89247-1, value " + score, daysOld <= 90);
        return this;
    }

    FactsBuilder withoutLab(String analyte) {
        labs.remove(analyte);
        return this;
    }

    /** Liver tests within the limits of the standard trabectedin starting dose. */
    FactsBuilder normalLiver() {
        return lab(Concepts.BILIRUBIN, 0.8, "mg/dL", 1.2)
                .lab(Concepts.AST, 30, "U/L", 40.0)
                .lab(Concepts.ALT, 30, "U/L", 40.0);
    }

    /** Every result the trabectedin safety rule reads, all within the label's limits. */
    FactsBuilder normalPreDoseLabs() {
        return normalLiver()
                .lab(Concepts.ALKALINE_PHOSPHATASE, 90, "U/L", 120.0)
                .lab(Concepts.CREATINE_KINASE, 100, "U/L", 200.0)
                .lab(Concepts.NEUTROPHILS, 3.2, "10*3/uL", null)
                .lab(Concepts.PLATELETS, 250, "10*3/uL", null)
                .lab(Concepts.HAEMOGLOBIN, 130, "g/L", null)
                .lab(Concepts.LVEF, 60, "%", null);
    }

    FactsBuilder bsa(double squareMetres) {
        bsa = new BodySurfaceArea(
                squareMetres,
                "Mosteller from height 178 cm and weight 80 kg",
                List.of("Observation/h", "Observation/w"));
        return this;
    }

    /** Body measurements as the facts judged them, e.g. with an implausible weight. */
    FactsBuilder body(BodyMeasurements measurements) {
        body = measurements;
        return this;
    }

    FactsBuilder ntrkResult(String gene, boolean present) {
        ntrk.add(new Fact(
                Concepts.NTRK_FUSION,
                gene + " fusion",
                "Observation/ntrk" + (++next),
                present ? "present" : "not reported present",
                present,
                "",
                "LOINC 69548-6",
                false,
                present ? "present" : "",
                null,
                null));
        return this;
    }

    /** The facts of a patient-view call. */
    PatientFacts build() {
        return build(Hook.PATIENT_VIEW);
    }

    PatientFacts build(Hook hook) {
        return new PatientFacts(
                hook,
                TODAY,
                conditions,
                medications,
                drafts,
                labs,
                body != null ? body : BodyMeasurements.of(bsa, BodyProblem.Kind.MISSING_WEIGHT),
                Optional.ofNullable(ecog),
                Optional.ofNullable(unreadableEcog),
                Optional.ofNullable(pregnancy),
                ntrk,
                List.of());
    }

    /** A trabectedin (or other) use stopped on {@code end} for this reason, in the record's words. */
    FactsBuilder stopped(String drug, Fact.StopCategory category, String reason, LocalDate end) {
        Fact.Stop stop = new Fact.Stop(
                category, reason, category == Fact.StopCategory.PROGRESSION, category == Fact.StopCategory.TOXICITY);
        return exposure(
                medication(drug, "stopped", false, reason).withEnd(end).withUse(new Fact.Use(null, stop, null)));
    }

    /** CYP3A drugs carry the effect and strength their value set declares, and a systemic route, as the facts do. */
    private static Fact.Use use(String drug) {
        Cyp3a cyp3a = switch (drug) {
            case Concepts.CYP3A_INHIBITORS -> new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.STRONG);
            case Concepts.CYP3A_MODERATE_INHIBITORS -> new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.MODERATE);
            case Concepts.CYP3A_INDUCERS -> new Cyp3a(Cyp3a.Effect.INDUCER, Cyp3a.Strength.STRONG);
            default -> null;
        };
        return cyp3a == null
                ? Fact.Use.NONE
                : new Fact.Use(new Route(Route.Systemic.SYSTEMIC, "route test"), null, cyp3a);
    }

    static Fact medication(String drug, String status, boolean current, String note) {
        return new Fact(
                        drug,
                        drug,
                        "MedicationStatement/" + drug + "-" + status,
                        status,
                        current,
                        "",
                        "ATC test",
                        false,
                        note,
                        null,
                        null)
                .withUse(use(drug));
    }

    static Fact ifosfamide(Double gramsPerM2PerCycle) {
        return new Fact(
                Concepts.IFOSFAMIDE,
                "ifosfamide",
                "MedicationStatement/ifo" + gramsPerM2PerCycle,
                "completed",
                false,
                "",
                "ATC L01AA06",
                false,
                "",
                null,
                gramsPerM2PerCycle);
    }

    private static Fact condition(String concept, String ref, boolean active, String note, LocalDate onset) {
        return new Fact(
                concept,
                concept,
                ref,
                active ? "active" : "resolved",
                active,
                "",
                "test code",
                false,
                note,
                onset,
                null);
    }
}
