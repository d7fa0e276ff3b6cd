package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sarcomacds.facts.DraftOrder;

/**
 * A rule that fired for this patient: what it relied on, and what the card may offer.
 *
 * @param ruleId    stable id, the name of the card text in {@code hooks/cards/}
 * @param indicator the card's urgency when the rule decides it (e.g. critical for a contraindication), else null for
 *                  the card text's own
 * @param evidence  the facts that made it fire, shown under "Why this card"
 * @param fills     values for the {@code {{placeholders}}} of the card text
 * @param removals  draft orders the card offers to delete
 * @param offerOrders true when the card should offer the orders of its card text (a rule withholds them, e.g.
 *                  when a lab result makes the standard dose wrong)
 * @param notes     what the card must say about uncertain or missing data
 * @param caveats   ids of the caveats in {@code hooks/caveats/} that apply to this patient
 */
public record Finding(
        String ruleId,
        String indicator,
        List<Evidence> evidence,
        Map<String, String> fills,
        List<DraftOrder> removals,
        boolean offerOrders,
        List<String> notes,
        List<String> caveats) {

    public Finding {
        evidence = List.copyOf(evidence);
        fills = Map.copyOf(fills);
        removals = List.copyOf(removals);
        notes = List.copyOf(notes);
        caveats = List.copyOf(caveats);
    }

    public Finding(String ruleId, List<Evidence> evidence, Map<String, String> fills, List<String> notes) {
        this(ruleId, null, evidence, fills, List.of(), false, notes, List.of());
    }

    public Finding withIndicator(String urgency) {
        return new Finding(ruleId, urgency, evidence, fills, removals, offerOrders, notes, caveats);
    }

    public Finding withRemovals(List<DraftOrder> drafts) {
        return new Finding(ruleId, indicator, evidence, fills, drafts, offerOrders, notes, caveats);
    }

    public Finding offeringOrders() {
        return new Finding(ruleId, indicator, evidence, fills, removals, true, notes, caveats);
    }

    /** The same finding with a caveat, and the fact that made it apply added to the evidence. */
    Finding withCaveat(String caveatId, List<Evidence> because) {
        List<Evidence> more = new ArrayList<>(evidence);
        because.stream().filter(e -> !more.contains(e)).forEach(more::add);
        List<String> all = new ArrayList<>(caveats);
        all.add(caveatId);
        return new Finding(ruleId, indicator, more, fills, removals, offerOrders, notes, all);
    }
}
