package org.sarcomacds.cards;

import java.util.List;

/**
 * A sentence that qualifies every card of a patient, from {@code hooks/caveats/<id>.json}: the consult says it before
 * its options, a warning after its detail.
 *
 * @param sourceStatement the words of the clinical source it implements
 * @param line            the sentence (Markdown)
 */
public record CaveatTemplate(String id, String title, String sourceStatement, String line, List<String> citations) {

    public CaveatTemplate {
        citations = List.copyOf(citations == null ? List.of() : citations);
    }
}
