package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.facts.PatientFacts;

/**
 * The disease states several rules start from (metastatic LMS, after an anthracycline), and the evidence for each.
 * "Prior anthracycline" is any exposure to the anthracycline class (doxorubicin, epirubicin, idarubicin,
 * daunorubicin), never to mitoxantrone, pixantrone or valrubicin.
 */
final class DiseaseStates {

    private DiseaseStates() {}

    /** An active leiomyosarcoma and an active metastatic-disease Condition. */
    static boolean metastatic(PatientFacts facts) {
        return !facts.activeLeiomyosarcoma().isEmpty()
                && !facts.activeMetastases().isEmpty();
    }

    /** Metastatic leiomyosarcoma after an anthracycline: the starting point of the next-line recommendations. */
    static boolean metastaticAfterAnthracycline(PatientFacts facts) {
        return metastatic(facts) && !facts.anthracyclineExposures().isEmpty();
    }

    static List<Evidence> metastaticEvidence(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.activeLeiomyosarcoma().forEach(f -> evidence.add(new Evidence("Leiomyosarcoma", f)));
        facts.activeMetastases().forEach(f -> evidence.add(new Evidence("Metastatic disease", f)));
        return evidence;
    }

    static List<Evidence> anthracyclineEvidence(PatientFacts facts) {
        List<Evidence> evidence = metastaticEvidence(facts);
        facts.anthracyclineExposures().forEach(f -> evidence.add(new Evidence("Prior anthracycline", f)));
        return evidence;
    }
}
