package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts the rules decide on, each citing its resource.
 *
 * @param asOf           the date the record is evaluated at
 * @param conditions     diagnosis facts (leiomyosarcoma, sites, metastases), active or not; never entered-in-error or
 *                       refuted
 * @param medications    every recorded exposure to a drug the rules know, past or current
 * @param draftOrders    drugs in the draft orders of an order hook
 * @param labs           the latest result per lab test or body measurement (value set id → result)
 * @param bodySurfaceArea the BSA for dosing, or null with the reason in {@code bodySurfaceAreaGap}
 * @param ntrkResults    NTRK fusion results
 * @param gaps           data that could not be had, for cards to mention
 */
public record PatientFacts(
        LocalDate asOf,
        List<Fact> conditions,
        List<Fact> medications,
        List<DraftOrder> draftOrders,
        Map<String, LabResult> labs,
        BodySurfaceArea bodySurfaceArea,
        String bodySurfaceAreaGap,
        List<Fact> ntrkResults,
        List<String> gaps) {

    public PatientFacts {
        conditions = List.copyOf(conditions);
        medications = List.copyOf(medications);
        draftOrders = List.copyOf(draftOrders);
        labs = Map.copyOf(labs);
        ntrkResults = List.copyOf(ntrkResults);
        gaps = List.copyOf(gaps);
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
        return conditions.stream()
                .filter(f -> f.concept().startsWith(Concepts.SITE_PREFIX) && lms.contains(f.reference()))
                .toList();
    }

    /** Active metastasis facts of one site value set, e.g. {@code metastasis-bone}. */
    public List<Fact> activeMetastases(String site) {
        return conditions.stream()
                .filter(f -> f.concept().equals(site) && f.current())
                .toList();
    }

    public List<Fact> conditions(String concept) {
        return conditions.stream().filter(f -> f.concept().equals(concept)).toList();
    }

    /** Every exposure to the drug, past or current. */
    public List<Fact> exposures(String drug) {
        return medications.stream().filter(f -> f.concept().equals(drug)).toList();
    }

    public List<Fact> currentExposures(String drug) {
        return medications.stream()
                .filter(f -> f.concept().equals(drug) && f.current())
                .toList();
    }

    public List<DraftOrder> drafts(String drug) {
        return draftOrders.stream().filter(d -> d.drug().concept().equals(drug)).toList();
    }

    public Optional<LabResult> lab(String analyte) {
        return Optional.ofNullable(labs.get(analyte));
    }

    public Optional<BodySurfaceArea> bsa() {
        return Optional.ofNullable(bodySurfaceArea);
    }

    public List<Fact> ntrkFusions() {
        return ntrkResults.stream().filter(Fact::current).toList();
    }
}
