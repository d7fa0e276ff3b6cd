package org.sarcomacds.cards;

import java.util.List;

/**
 * The clinician-reviewed text of one rule's card, from {@code hooks/cards/<ruleId>.json}.
 *
 * @param sourceStatement the words of the clinical source this rule implements
 * @param detail          Markdown lines; {@code {{name}}} placeholders are filled by the rule
 * @param citations       full references, listed at the end of every card
 */
public record CardTemplate(
        String ruleId,
        String title,
        String sourceStatement,
        String indicator,
        String summary,
        List<String> detail,
        CardSource source,
        List<String> citations,
        List<Coding> overrideReasons,
        List<Link> links) {

    public CardTemplate {
        detail = List.copyOf(detail == null ? List.of() : detail);
        citations = List.copyOf(citations == null ? List.of() : citations);
        overrideReasons = List.copyOf(overrideReasons == null ? List.of() : overrideReasons);
        links = List.copyOf(links == null ? List.of() : links);
    }
}
