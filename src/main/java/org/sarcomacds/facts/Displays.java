package org.sarcomacds.facts;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** What the record calls a concept: its text, else a coding's display, else a code, else the fallback. */
final class Displays {

    private Displays() {}

    static String of(CodeableConcept concept, String fallback) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream()
                .filter(Coding::hasDisplay)
                .map(Coding::getDisplay)
                .findFirst()
                .orElse(concept.getCoding().stream()
                        .filter(Coding::hasCode)
                        .map(Coding::getCode)
                        .findFirst()
                        .orElse(fallback));
    }
}
