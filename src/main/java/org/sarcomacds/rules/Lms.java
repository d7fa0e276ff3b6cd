package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.text.Markdown;

/** The disease states several rules start from, and the evidence that shows them. */
final class Lms {

    private Lms() {}

    /** An active leiomyosarcoma and an active metastatic-disease Condition. */
    static boolean metastatic(PatientFacts facts) {
        return !facts.activeLeiomyosarcoma().isEmpty()
                && !facts.activeMetastases().isEmpty();
    }

    /** Metastatic leiomyosarcoma after an anthracycline: the starting point of the next-line recommendations. */
    static boolean metastaticAfterAnthracycline(PatientFacts facts) {
        return metastatic(facts) && !facts.exposures(Concepts.DOXORUBICIN).isEmpty();
    }

    static List<Evidence> metastaticEvidence(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.activeLeiomyosarcoma().forEach(f -> evidence.add(new Evidence("Leiomyosarcoma", f)));
        facts.activeMetastases().forEach(f -> evidence.add(new Evidence("Metastatic disease", f)));
        return evidence;
    }

    static List<Evidence> anthracyclineEvidence(PatientFacts facts) {
        List<Evidence> evidence = metastaticEvidence(facts);
        facts.exposures(Concepts.DOXORUBICIN).forEach(f -> evidence.add(new Evidence("Prior anthracycline", f)));
        return evidence;
    }

    /** The systemic therapies in the record, e.g. "doxorubicin (completed), pazopanib (stopped: Disease progression)". */
    static String therapyHistory(PatientFacts facts) {
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
