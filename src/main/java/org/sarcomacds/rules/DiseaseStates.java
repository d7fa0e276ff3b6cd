package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sarcomacds.facts.Fact;
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
        facts.activeLeiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        facts.activeMetastases().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_METASTATIC_DISEASE, f)));
        return evidence;
    }

    static List<Evidence> anthracyclineEvidence(PatientFacts facts) {
        List<Evidence> evidence = metastaticEvidence(facts);
        facts.anthracyclineExposures().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_PRIOR_ANTHRACYCLINE, f)));
        return evidence;
    }

    /** The leiomyosarcoma Condition the drafted orders treat: the first active one. */
    static Optional<String> treatedCondition(PatientFacts facts) {
        return facts.activeLeiomyosarcoma().stream().map(Fact::reference).findFirst();
    }

    /**
     * An option finding of a patient whose metastasis is not confirmed says so once, before the options, instead of in
     * a note of each option.
     */
    static Finding withUnconfirmedMetastasis(Finding finding, PatientFacts facts) {
        Finding result = finding;
        for (Fact metastasis : facts.activeMetastases()) {
            if (metastasis.unconfirmed()) {
                result = result.withTopLine(Consult.METASTASIS_UNCONFIRMED.with(
                                "status", metastasis.note(), "reference", metastasis.reference()))
                        .withNotes(result.notes().stream()
                                .filter(note -> !note.key().equals(Phrase.NOTE_UNCONFIRMED.key())
                                        || !metastasis
                                                .reference()
                                                .equals(note.values().get("reference")))
                                .toList());
            }
        }
        return result;
    }
}
