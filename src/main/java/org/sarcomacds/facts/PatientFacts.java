package org.sarcomacds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts the rules decide on, each citing its resource.
 *
 * <p>A rule sees the facts through {@link #readBy}: every accessor that reads a value set checks that the rule
 * declared it (its {@code RuleSpec}), so the registry's list of what a rule reads is true by construction.
 *
 * @param hook        the hook the facts were read for
 * @param asOf        the date the record is evaluated at
 * @param conditions  diagnosis facts (leiomyosarcoma, sites, metastases), active or not; never entered-in-error or
 *                    refuted, never a name the free text negates
 * @param medications every recorded exposure to a drug the rules know, past or current, given systemically or by an
 *                    unrecorded route (a non-systemic form, e.g. a shampoo, is no exposure)
 * @param draftOrders drugs in the draft orders of an order hook
 * @param labs        the latest result per lab test or body measurement (value set id → result), any age
 * @param body        height, weight, the weight before, the BSA for dosing or the problems that prevent one
 * @param latestEcog  the latest ECOG performance status, any age ({@link #ecog()}: only a recent one)
 * @param unreadableEcog the latest ECOG result whose grade could not be read (free text, another code, out of range)
 * @param pregnancy   the latest pregnancy status or hCG result within {@code pregnancy.lookbackDays}
 * @param ntrkResults NTRK fusion results
 * @param gaps        data that could not be had, for cards to mention
 * @param reader      who reads the facts, and which value sets it may read
 */
public record PatientFacts(
        Hook hook,
        LocalDate asOf,
        List<Fact> conditions,
        List<Fact> medications,
        List<DraftOrder> draftOrders,
        Map<String, LabResult> labs,
        BodyMeasurements body,
        Optional<Ecog> latestEcog,
        Optional<Fact> unreadableEcog,
        Optional<Pregnancy> pregnancy,
        List<Fact> ntrkResults,
        List<String> gaps,
        Reader reader) {

    public PatientFacts {
        conditions = List.copyOf(conditions);
        medications = List.copyOf(medications);
        draftOrders = List.copyOf(draftOrders);
        labs = Map.copyOf(labs);
        ntrkResults = List.copyOf(ntrkResults);
        gaps = List.copyOf(gaps);
    }

    /** Facts anyone may read in full (the fact extractor's output). */
    public PatientFacts(
            Hook hook,
            LocalDate asOf,
            List<Fact> conditions,
            List<Fact> medications,
            List<DraftOrder> draftOrders,
            Map<String, LabResult> labs,
            BodyMeasurements body,
            Optional<Ecog> latestEcog,
            Optional<Fact> unreadableEcog,
            Optional<Pregnancy> pregnancy,
            List<Fact> ntrkResults,
            List<String> gaps) {
        this(
                hook,
                asOf,
                conditions,
                medications,
                draftOrders,
                labs,
                body,
                latestEcog,
                unreadableEcog,
                pregnancy,
                ntrkResults,
                gaps,
                Reader.ANYONE);
    }

    /** The same facts for one rule, which may read only the value sets it declares. */
    public PatientFacts readBy(String ruleId, Collection<String> valueSets) {
        return copy(hook, new Reader(ruleId, Set.copyOf(valueSets)));
    }

    /** The same facts, read for another hook. */
    public PatientFacts withHook(Hook other) {
        return copy(other, reader);
    }

    private PatientFacts copy(Hook forHook, Reader by) {
        return new PatientFacts(
                forHook,
                asOf,
                conditions,
                medications,
                draftOrders,
                labs,
                body,
                latestEcog,
                unreadableEcog,
                pregnancy,
                ntrkResults,
                gaps,
                by);
    }

    /** Leiomyosarcoma diagnoses, active or not. */
    public List<Fact> leiomyosarcoma() {
        return conditions(Concepts.LEIOMYOSARCOMA);
    }

    public List<Fact> activeLeiomyosarcoma() {
        return leiomyosarcoma().stream().filter(Fact::current).toList();
    }

    /** Metastatic-disease Conditions, active or not. */
    public List<Fact> metastases() {
        return conditions(Concepts.METASTATIC_DISEASE);
    }

    public List<Fact> activeMetastases() {
        return metastases().stream().filter(Fact::current).toList();
    }

    /** Site facts (e.g. {@code site-bone}) of the leiomyosarcoma Conditions themselves. */
    public List<Fact> primarySites() {
        List<String> lms = leiomyosarcoma().stream().map(Fact::reference).toList();
        List<Fact> sites = conditions.stream()
                .filter(f -> f.concept().startsWith(Concepts.SITE_PREFIX) && lms.contains(f.reference()))
                .toList();
        sites.forEach(f -> reader.check(f.concept()));
        return sites;
    }

    /** Active metastasis facts of any site ({@link Concepts#METASTASIS_SITES}), in the order of the record. */
    public List<Fact> activeSitedMetastases() {
        Concepts.METASTASIS_SITES.forEach(reader::check);
        return conditions.stream()
                .filter(f -> f.current() && Concepts.METASTASIS_SITES.contains(f.concept()))
                .toList();
    }

    /** Active metastasis facts of one site value set, e.g. {@code metastasis-bone}. */
    public List<Fact> activeMetastases(String site) {
        return conditions(site).stream().filter(Fact::current).toList();
    }

    public List<Fact> conditions(String concept) {
        reader.check(concept);
        return conditions.stream().filter(f -> f.concept().equals(concept)).toList();
    }

    /** Every exposure to the drug, past or current; a drug only planned ({@link #planned}) is none. */
    public List<Fact> exposures(String drug) {
        reader.check(drug);
        return medications.stream()
                .filter(f -> f.concept().equals(drug) && !f.planned())
                .toList();
    }

    /**
     * The drug recorded as planned, not yet given (a MedicationStatement with status {@code intended}): no exposure,
     * but a combination about to be started is one all the same.
     */
    public List<Fact> planned(String drug) {
        reader.check(drug);
        return medications.stream()
                .filter(f -> f.concept().equals(drug) && f.planned())
                .toList();
    }

    public List<Fact> currentExposures(String drug) {
        return exposures(drug).stream().filter(Fact::current).toList();
    }

    /** Every draft order of the drug in the order being composed. */
    public List<DraftOrder> drafts(String drug) {
        reader.check(drug);
        return draftOrders.stream().filter(d -> d.drug().concept().equals(drug)).toList();
    }

    /**
     * The drafts of the drug the clinician is deciding on now: on order-select the selected ones, on order-sign every
     * one, on patient-view none.
     */
    public List<DraftOrder> draftsUnderReview(String drug) {
        return switch (hook) {
            case PATIENT_VIEW -> {
                reader.check(drug);
                yield List.of();
            }
            case ORDER_SELECT ->
                drafts(drug).stream().filter(DraftOrder::selected).toList();
            case ORDER_SIGN -> drafts(drug);
        };
    }

    /** The latest result of the analyte, any age. */
    public Optional<LabResult> lab(String analyte) {
        reader.check(analyte);
        return Optional.ofNullable(labs.get(analyte));
    }

    /**
     * The latest result of the analyte when it is dated and at most {@code days} old; empty when it is missing,
     * undated or older (a stale result never counts as normal).
     */
    public Optional<LabResult> recentLab(String analyte, int days) {
        return lab(analyte).filter(result -> result.isRecent(asOf, days));
    }

    /** Height, weight, the weight before and the BSA for dosing, or the problems that prevent one. */
    @Override
    public BodyMeasurements body() {
        Concepts.BODY_MEASUREMENTS.forEach(reader::check);
        return body;
    }

    /** The BSA for dosing: only from plausible, recent measurements (see {@link BodyMeasurements}). */
    public Optional<BodySurfaceArea> bsa() {
        return body().bsa();
    }

    /** The latest ECOG performance status, any age. */
    @Override
    public Optional<Ecog> latestEcog() {
        reader.check(Concepts.ECOG);
        return latestEcog;
    }

    /** The latest ECOG result whose grade could not be read, any age: ECOG recorded, but not as a grade 0-5. */
    @Override
    public Optional<Fact> unreadableEcog() {
        reader.check(Concepts.ECOG);
        return unreadableEcog;
    }

    /** The latest ECOG performance status when it is at most {@code ecog.validDays} old. */
    public Optional<Ecog> ecog() {
        return latestEcog().filter(Ecog::recent);
    }

    /** Pregnant or not, by the latest pregnancy status or hCG result within the lookback; empty when none. */
    @Override
    public Optional<Pregnancy> pregnancy() {
        Concepts.PREGNANCY.forEach(reader::check);
        return pregnancy;
    }

    /** Every exposure to an anthracycline (doxorubicin incl. liposomal, epirubicin, idarubicin, daunorubicin). */
    public List<Fact> anthracyclineExposures() {
        return exposures(Concepts.ANTHRACYCLINES);
    }

    /**
     * The current exposures to any systemic anticancer therapy ({@link Concepts#SYSTEMIC_ANTICANCER_THERAPIES}), one
     * per medication resource (a doxorubicin statement is not counted again as an anthracycline).
     */
    public List<Fact> currentSystemicTherapy() {
        Map<String, Fact> byReference = new LinkedHashMap<>();
        for (String therapy : Concepts.SYSTEMIC_ANTICANCER_THERAPIES) {
            currentExposures(therapy).forEach(f -> byReference.putIfAbsent(f.reference(), f));
        }
        return List.copyOf(byReference.values());
    }

    /** True when the exposure's stop reason names progression ("progression", "PD", "refractory"), not negated. */
    public boolean progressionRecorded(Fact exposure) {
        return exposure.progressionRecorded();
    }

    /** Trabectedin exposures stopped for progression or for toxicity, each with its category and end date. */
    public List<Fact> trabectedinStops() {
        return exposures(Concepts.TRABECTEDIN).stream()
                .filter(f -> !f.current() && (f.progressionRecorded() || f.toxicityRecorded()))
                .toList();
    }

    /**
     * The disease-free interval before metastasis (see {@link DiseaseFreeInterval}): from the latest abatement of a
     * leiomyosarcoma Condition or end of a completed systemic therapy, on or before the first onset of an active
     * metastasis. Empty when no such date is recorded, or an active metastasis has no onset: never from the diagnosis.
     */
    public Optional<DiseaseFreeInterval> diseaseFreeInterval() {
        List<Fact> metastases = activeMetastases();
        if (metastases.isEmpty() || metastases.stream().anyMatch(f -> f.start() == null)) {
            return Optional.empty();
        }
        LocalDate to =
                metastases.stream().map(Fact::start).min(LocalDate::compareTo).orElseThrow();
        List<Fact> candidates = new ArrayList<>(leiomyosarcoma());
        Concepts.SYSTEMIC_ANTICANCER_THERAPIES.forEach(therapy -> exposures(therapy).stream()
                .filter(f -> f.stopCategory() == Fact.StopCategory.COMPLETED)
                .forEach(candidates::add));
        return candidates.stream()
                .filter(f -> f.end() != null && !f.end().isAfter(to))
                .max(Comparator.comparing(Fact::end))
                .map(basis ->
                        new DiseaseFreeInterval(basis.end(), to, ChronoUnit.MONTHS.between(basis.end(), to), basis));
    }

    @Override
    public List<Fact> ntrkResults() {
        reader.check(Concepts.GENETIC_VARIANT);
        return ntrkResults;
    }

    public List<Fact> ntrkFusions() {
        return ntrkResults().stream().filter(Fact::current).toList();
    }

    @Override
    public List<Fact> conditions() {
        reader.checkReadsAll("Condition");
        return conditions;
    }

    @Override
    public List<Fact> medications() {
        reader.checkReadsAll("medication");
        return medications.stream().filter(f -> !f.planned()).toList();
    }

    @Override
    public List<DraftOrder> draftOrders() {
        reader.checkReadsAll("draft order");
        return draftOrders;
    }

    @Override
    public Map<String, LabResult> labs() {
        reader.checkReadsAll("lab");
        return labs;
    }

    /**
     * Who reads the facts: {@link #ANYONE} (everything), or a rule, which may read only the value sets its registry
     * entry declares. Reading another is a programming error, named in one sentence.
     *
     * @param ruleId    the rule, or null for anyone
     * @param valueSets what the rule declares it reads
     */
    public record Reader(String ruleId, Set<String> valueSets) {

        static final Reader ANYONE = new Reader(null, Set.of());

        void check(String valueSet) {
            if (ruleId != null && !valueSets.contains(valueSet)) {
                throw new IllegalStateException("Rule " + ruleId + " reads value set '" + valueSet
                        + "', which its RuleSpec does not declare: add it to the rule's SPEC.");
            }
        }

        void checkReadsAll(String what) {
            if (ruleId != null) {
                throw new IllegalStateException("Rule " + ruleId + " reads every " + what
                        + " fact; a rule reads facts by value set, so that its RuleSpec can declare them.");
            }
        }
    }
}
