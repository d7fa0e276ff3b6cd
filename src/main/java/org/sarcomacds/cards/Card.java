package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A CDS Hooks card as sent on the wire. Optional fields that are empty are left out, as the specification requires.
 * The fields marked {@code @JsonIgnore} are for the feedback store and are never sent.
 *
 * @param ruleId          the rule that produced the card, or the consult's id; it travels in {@code source.topic}
 * @param options         for the consult: the option rules it was composed from, in rank order
 * @param suggestionRules each suggestion's uuid and the rule it came from (an option's, in the consult)
 * @param concerns        the draft orders the card is about ({@code MedicationRequest/…}), for not repeating at
 *                        order-sign a card answered at order-select
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Card(
        String uuid,
        String summary,
        String detail,
        String indicator,
        CardSource source,
        List<Suggestion> suggestions,
        String selectionBehavior,
        List<Coding> overrideReasons,
        List<Link> links,
        @JsonIgnore String ruleId,
        @JsonIgnore List<String> options,
        @JsonIgnore Map<String, String> suggestionRules,
        @JsonIgnore List<String> concerns) {

    public Card {
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        overrideReasons = overrideReasons == null ? List.of() : List.copyOf(overrideReasons);
        links = links == null ? List.of() : List.copyOf(links);
        options = options == null ? List.of() : List.copyOf(options);
        suggestionRules = suggestionRules == null ? Map.of() : Map.copyOf(suggestionRules);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }

    /** A card as a client sent it back or a test builds it: no option, suggestion or draft is tracked. */
    public Card(
            String uuid,
            String summary,
            String detail,
            String indicator,
            CardSource source,
            List<Suggestion> suggestions,
            String selectionBehavior,
            List<Coding> overrideReasons,
            List<Link> links,
            String ruleId) {
        this(
                uuid,
                summary,
                detail,
                indicator,
                source,
                suggestions,
                selectionBehavior,
                overrideReasons,
                links,
                ruleId,
                List.of(),
                Map.of(),
                List.of());
    }
}
