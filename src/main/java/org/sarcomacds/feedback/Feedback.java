package org.sarcomacds.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One feedback item, validated.
 *
 * @param suggestionIds    the ids of the accepted suggestions ({@code acceptedSuggestions[].id})
 * @param overrideReason   the code of the reason the clinician chose, or null
 * @param outcomeTimestamp as the client sent it: ISO 8601 with an offset
 */
public record Feedback(
        String card, String outcome, List<String> suggestionIds, String overrideReason, String outcomeTimestamp) {

    public Feedback {
        suggestionIds = List.copyOf(suggestionIds);
    }

    public int acceptedSuggestions() {
        return suggestionIds.size();
    }

    /** The outcome time as an instant, so {@code 10:00Z} and {@code 11:00+01:00} are the same item. */
    public Instant outcomeAt() {
        return OffsetDateTime.parse(outcomeTimestamp).toInstant();
    }
}
