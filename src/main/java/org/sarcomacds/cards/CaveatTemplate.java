package org.sarcomacds.cards;

import java.util.List;

/**
 * A paragraph that qualifies every card of a patient, from {@code hooks/caveats/<id>.json}.
 *
 * @param sourceStatement the words of the clinical source it implements
 */
public record CaveatTemplate(
        String id, String title, String sourceStatement, List<String> detail, List<String> citations) {

    public CaveatTemplate {
        detail = List.copyOf(detail == null ? List.of() : detail);
        citations = List.copyOf(citations == null ? List.of() : citations);
    }
}
