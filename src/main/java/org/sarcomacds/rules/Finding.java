package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.sarcomacds.facts.DraftOrder;

/**
 * A rule that fired for this patient: what it relied on, and what its card may say and offer. A finding holds no
 * sentence: it names the variants and phrases of the card text ({@link Text}) and the values that fill them.
 *
 * @param ruleId      stable id, the name of the card text in {@code hooks/cards/}
 * @param indicator   the card's urgency when the rule decides it (e.g. critical for a contraindication), else null for
 *                    the card text's own
 * @param summary     a variant that replaces the card text's summary (e.g. what is wrong and what to do), or null
 * @param evidence    the facts that made it fire, shown under "Why this card"
 * @param fills       values for the {@code {{placeholders}}} of the card text's summary, detail, option lines and
 *                    orders: a {@code String}, a {@link Text} or a list of texts (see {@link Text#values()})
 * @param removals    draft orders the card offers to delete
 * @param concerns    the draft orders the card is about (with the removals): at order-sign, a card answered at
 *                    order-select for the same drafts is not shown again
 * @param orderReason the Condition the card's orders treat ({@code Condition/…}), set when the card offers the orders
 *                    of its card text; null when it offers none (a rule withholds them, e.g. when a lab result makes
 *                    the standard dose wrong)
 * @param notes       what the card must say about uncertain or missing data
 * @param topLines    what the next-line consult says before its options (an option rule's finding): e.g. that a
 *                    metastasis is not confirmed; the same line from several options is said once
 * @param caveats     ids of the caveats in {@code hooks/caveats/} that apply to this patient
 */
public record Finding(
        String ruleId,
        String indicator,
        Text summary,
        List<Evidence> evidence,
        Map<String, Object> fills,
        List<DraftOrder> removals,
        List<DraftOrder> concerns,
        String orderReason,
        List<Text> notes,
        List<Text> topLines,
        List<String> caveats) {

    public Finding {
        evidence = List.copyOf(evidence);
        fills = Collections.unmodifiableMap(new LinkedHashMap<>(new Text("fills", fills).values()));
        removals = List.copyOf(removals);
        concerns = List.copyOf(new LinkedHashSet<>(concerns));
        notes = List.copyOf(notes);
        topLines = List.copyOf(topLines);
        caveats = List.copyOf(caveats);
    }

    public Finding(String ruleId, List<Evidence> evidence, Map<String, ?> fills, List<Text> notes) {
        this(
                ruleId,
                null,
                null,
                evidence,
                new LinkedHashMap<String, Object>(fills),
                List.of(),
                List.of(),
                null,
                notes,
                List.of(),
                List.of());
    }

    public boolean offersOrders() {
        return orderReason != null;
    }

    public Finding withIndicator(String urgency) {
        return new Finding(
                ruleId, urgency, summary, evidence, fills, removals, concerns, orderReason, notes, topLines, caveats);
    }

    public Finding withSummary(Text text) {
        return new Finding(
                ruleId, indicator, text, evidence, fills, removals, concerns, orderReason, notes, topLines, caveats);
    }

    /** Offers the drafts for deletion; the card is then about them too. */
    public Finding withRemovals(List<DraftOrder> drafts) {
        return new Finding(
                ruleId, indicator, summary, evidence, fills, drafts, drafts, orderReason, notes, topLines, caveats);
    }

    /** The card is about these drafts (e.g. the trabectedin order under review). */
    public Finding concerning(List<DraftOrder> drafts) {
        List<DraftOrder> all = new ArrayList<>(concerns);
        all.addAll(drafts);
        return new Finding(
                ruleId, indicator, summary, evidence, fills, removals, all, orderReason, notes, topLines, caveats);
    }

    /** Offers the orders of the card text, given for the Condition {@code reason} ({@code Condition/…}). */
    public Finding offeringOrders(String reason) {
        return new Finding(
                ruleId, indicator, summary, evidence, fills, removals, concerns, reason, notes, topLines, caveats);
    }

    public Finding withNotes(List<Text> replaced) {
        return new Finding(
                ruleId,
                indicator,
                summary,
                evidence,
                fills,
                removals,
                concerns,
                orderReason,
                replaced,
                topLines,
                caveats);
    }

    /** The same finding with more facts under "Why this card" (those it has already are not repeated). */
    public Finding withEvidence(List<Evidence> more) {
        List<Evidence> all = new ArrayList<>(evidence);
        more.stream().filter(e -> !all.contains(e)).forEach(all::add);
        return new Finding(
                ruleId, indicator, summary, all, fills, removals, concerns, orderReason, notes, topLines, caveats);
    }

    public Finding withTopLine(Text line) {
        List<Text> all = new ArrayList<>(topLines);
        all.add(line);
        return new Finding(
                ruleId, indicator, summary, evidence, fills, removals, concerns, orderReason, notes, all, caveats);
    }

    /** The same finding with a caveat (tests: the engine adds the fact that made it apply, see below). */
    public Finding withCaveat(String caveatId) {
        return withCaveat(caveatId, List.of());
    }

    /** The same finding with a caveat, and the fact that made it apply added to the evidence. */
    Finding withCaveat(String caveatId, List<Evidence> because) {
        List<Evidence> more = new ArrayList<>(evidence);
        because.stream().filter(e -> !more.contains(e)).forEach(more::add);
        List<String> all = new ArrayList<>(caveats);
        all.add(caveatId);
        return new Finding(
                ruleId, indicator, summary, more, fills, removals, concerns, orderReason, notes, topLines, all);
    }
}
