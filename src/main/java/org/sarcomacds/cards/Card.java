package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A CDS Hooks card as sent on the wire. Optional fields that are empty are left out, as the specification requires.
 *
 * @param ruleId the rule that produced the card; not sent as such (it travels in {@code source.topic})
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
        @JsonIgnore String ruleId) {}
