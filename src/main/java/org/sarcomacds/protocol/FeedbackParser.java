package org.sarcomacds.protocol;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sarcomacds.feedback.Feedback;
import tools.jackson.databind.JsonNode;

/** Checks a feedback body: {@code {"feedback": [...]}} with the fields CDS Hooks 2.0 requires of each item. */
final class FeedbackParser {

    private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");
    /** Longer card ids or reason codes than this are not ours and would only bloat the feedback store. */
    private static final int MAX_ID_LENGTH = 128;

    private FeedbackParser() {}

    static List<Feedback> parse(JsonNode body) {
        JsonNode items = body.path("feedback");
        if (!body.isObject() || !items.isArray() || items.isEmpty()) {
            throw CdsRequestException.badRequest("The body must be {\"feedback\": [ ... ]} with at least one item");
        }
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            feedback.add(item(items.get(i), "feedback[" + i + "]"));
        }
        return feedback;
    }

    private static Feedback item(JsonNode item, String where) {
        String card = text(item, "card", where);
        if (card.length() > MAX_ID_LENGTH) {
            throw CdsRequestException.badRequest(where + ".card is longer than " + MAX_ID_LENGTH + " characters");
        }
        String outcome = text(item, "outcome", where);
        if (!OUTCOMES.contains(outcome)) {
            throw CdsRequestException.badRequest(where + ".outcome must be 'accepted' or 'overridden'");
        }
        String timestamp = text(item, "outcomeTimestamp", where);
        try {
            OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw CdsRequestException.badRequest(where + ".outcomeTimestamp must be an ISO 8601 date-time with offset");
        }
        JsonNode accepted = item.path("acceptedSuggestions");
        if (outcome.equals("accepted")
                && (!accepted.isArray()
                        || accepted.isEmpty()
                        || accepted.valueStream().anyMatch(s -> !s.path("id").isString()))) {
            throw CdsRequestException.badRequest(
                    where + ".acceptedSuggestions with an id each is required when accepted");
        }
        JsonNode reason = item.path("overrideReason").path("reason");
        String reasonCode = reason.path("code").isString() ? reason.path("code").asString() : null;
        if (reasonCode != null && reasonCode.length() > MAX_ID_LENGTH) {
            throw CdsRequestException.badRequest(
                    where + ".overrideReason.reason.code is longer than " + MAX_ID_LENGTH + " characters");
        }
        return new Feedback(card, outcome, accepted.size(), reasonCode, timestamp);
    }

    private static String text(JsonNode item, String field, String where) {
        JsonNode value = item.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw CdsRequestException.badRequest(where + "." + field + " is required and must be a string");
        }
        return value.asString();
    }
}
