package org.sarcomacds.facts;

import java.util.List;

/**
 * The facts the rules decide on, each citing its resource.
 *
 * @param leiomyosarcoma diagnoses of leiomyosarcoma, active or not (never entered-in-error or refuted)
 * @param metastases     metastatic-disease Conditions, active or not
 * @param medications    every recorded exposure to a drug the rules know, past or current
 * @param draftOrders    drugs in the draft orders of an order hook
 * @param gaps           data that could not be had, for cards to mention
 */
public record PatientFacts(
        List<Fact> leiomyosarcoma,
        List<Fact> metastases,
        List<Fact> medications,
        List<DraftOrder> draftOrders,
        List<String> gaps) {

    public PatientFacts {
        leiomyosarcoma = List.copyOf(leiomyosarcoma);
        metastases = List.copyOf(metastases);
        medications = List.copyOf(medications);
        draftOrders = List.copyOf(draftOrders);
        gaps = List.copyOf(gaps);
    }

    public List<Fact> activeLeiomyosarcoma() {
        return leiomyosarcoma.stream().filter(Fact::current).toList();
    }

    public List<Fact> activeMetastases() {
        return metastases.stream().filter(Fact::current).toList();
    }

    /** Every exposure to the drug, past or current. */
    public List<Fact> exposures(String drug) {
        return medications.stream().filter(f -> f.concept().equals(drug)).toList();
    }

    public List<Fact> currentExposures(String drug) {
        return medications.stream().filter(f -> f.concept().equals(drug) && f.current()).toList();
    }

    public List<DraftOrder> drafts(String drug) {
        return draftOrders.stream().filter(d -> d.drug().concept().equals(drug)).toList();
    }
}
