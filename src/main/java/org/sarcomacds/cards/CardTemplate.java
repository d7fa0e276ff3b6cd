package org.sarcomacds.cards;

import java.util.List;

/**
 * The clinician-reviewed text of one rule's card, from {@code hooks/cards/<ruleId>.json}.
 *
 * @param sourceStatement the words of the clinical source this rule implements
 * @param detail          Markdown lines; {@code {{name}}} placeholders are filled by the rule
 * @param priority        order among cards of the same indicator, lowest first
 * @param citations       full references, listed at the end of every card
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
        CardSource source,
        List<String> citations,
        List<Coding> overrideReasons,
        List<Link> links,
        List<OrderTemplate> orders) {

    public CardTemplate {
        detail = List.copyOf(detail == null ? List.of() : detail);
        citations = List.copyOf(citations == null ? List.of() : citations);
        overrideReasons = List.copyOf(overrideReasons == null ? List.of() : overrideReasons);
        links = List.copyOf(links == null ? List.of() : links);
        orders = List.copyOf(orders == null ? List.of() : orders);
    }
}
