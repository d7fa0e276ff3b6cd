package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import org.sarcomacds.facts.DraftOrder;

/**
 * A rule that fired for this patient: what it relied on, and what the card may offer.
 *
 * @param ruleId   stable id, the name of the card text in {@code hooks/cards/}
 * @param evidence the facts that made it fire, shown under "Why this card"
 * @param fills    values for the {@code {{placeholders}}} of the card text
 * @param removals draft orders the card offers to delete
 * @param notes    what the card must say about uncertain or missing data
 */
public record Finding(
        String ruleId,
        List<Evidence> evidence,
        Map<String, String> fills,
        List<DraftOrder> removals,
        List<String> notes) {

    public Finding {
        evidence = List.copyOf(evidence);
        fills = Map.copyOf(fills);
        removals = List.copyOf(removals);
        notes = List.copyOf(notes);
    }
}
