package org.sarcomacds.cards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinician-reviewed text of one rule's card, from {@code hooks/cards/<ruleId>.json}. A warning has a card of its
 * own (indicator, summary, detail, override reasons); an option is one entry of the next-line consult (its
 * {@code option}). Both keep their long evidence apart, served at {@code /evidence/<ruleId>}.
 *
 * @param sourceStatement the words of the clinical source this rule implements
 * @param priority        order among cards of the same indicator, and of the options in the consult, lowest first
 * @param summary         a warning's summary (a variant may replace it)
 * @param detail          a warning's Markdown lines before "Why this card"; {@code {{name}}} placeholders are filled
 *                        by the rule
 * @param why             Markdown lines that open the card's "Why this card" (e.g. the latest results)
 * @param option          an option's entry in the consult
 * @param variants        the words of each variant the rule declares, by key
 * @param evidence        the long evidence (trial figures, label text) as Markdown lines, for the evidence page
 * @param citations       full references, on the evidence page and at the end of a warning
 * @param overrideReasons a warning's override reasons, for each indicator it may have
 * @param links           links shown on the card (e.g. a trial search)
 * @param references      the cited documents, linked from the evidence page
 * @param orders          orders the card offers when its rule allows
 */
public record CardTemplate(
        String ruleId,
        String title,
        String sourceStatement,
        int priority,
        String indicator,
        String summary,
        List<String> detail,
        List<String> why,
        Option option,
        Map<String, String> variants,
        List<String> evidence,
        CardSource source,
        List<String> citations,
        Map<String, List<Coding>> overrideReasons,
        List<Link> links,
        List<Link> references,
        List<OrderTemplate> orders) {

    public CardTemplate {
        detail = List.copyOf(detail == null ? List.of() : detail);
        why = List.copyOf(why == null ? List.of() : why);
        variants = variants == null ? Map.of() : new LinkedHashMap<>(variants);
        evidence = List.copyOf(evidence == null ? List.of() : evidence);
        citations = List.copyOf(citations == null ? List.of() : citations);
        overrideReasons = overrideReasons == null ? Map.of() : Map.copyOf(overrideReasons);
        links = List.copyOf(links == null ? List.of() : links);
        references = List.copyOf(references == null ? List.of() : references);
        orders = List.copyOf(orders == null ? List.of() : orders);
    }

    /**
     * An option's entry in the next-line consult.
     *
     * @param label its name in the consult's ranked list, e.g. "Trabectedin (preferred next line)"
     * @param lines one to three short lines; a line whose placeholders fill to nothing is left out
     */
    public record Option(String label, List<String> lines) {

        public Option {
            lines = List.copyOf(lines == null ? List.of() : lines);
        }
    }

    public List<Coding> overrideReasons(String forIndicator) {
        return overrideReasons.getOrDefault(forIndicator, List.of());
    }
}
