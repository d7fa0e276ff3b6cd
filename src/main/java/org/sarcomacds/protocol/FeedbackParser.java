package org.sarcomacds.protocol;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.feedback.Feedback;
import org.sarcomacds.feedback.StorableValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a feedback body: {@code {"feedback": [...]}} with at most {@code cds.feedback.max-items} items, each with the
 * fields CDS Hooks 2.0 requires, and every value that is stored one the store can keep ({@link StorableValues}). A
 * body with one bad item is refused whole, naming the item, before anything is stored.
 */
@Component
class FeedbackParser {

    private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");

    private final int maxItems;
    private final Clock clock;

    @Autowired
    FeedbackParser(CdsProperties properties) {
        this(properties.feedback().maxItems(), Clock.systemUTC());
    }

    FeedbackParser(int maxItems, Clock clock) {
        this.maxItems = maxItems;
        this.clock = clock;
    }

    List<Feedback> parse(JsonNode body) {
        JsonNode items = body.path("feedback");
        if (!body.isObject() || !items.isArray() || items.isEmpty()) {
            throw CdsRequestException.badRequest("The body must be {\"feedback\": [ ... ]} with at least one item");
        }
        if (items.size() > maxItems) {
            throw new CdsRequestException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "The body has " + items.size() + " feedback items; at most " + maxItems
                            + " are accepted in one request");
        }
        List<Feedback> feedback = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            feedback.add(item(items.get(i), "feedback[" + i + "]"));
        }
        return feedback;
    }

    private Feedback item(JsonNode item, String where) {
        String card = storable(text(item, "card", where), where + ".card");
        String outcome = text(item, "outcome", where);
        if (!OUTCOMES.contains(outcome)) {
            throw CdsRequestException.badRequest(where + ".outcome must be 'accepted' or 'overridden'");
        }
        String timestamp = text(item, "outcomeTimestamp", where);
        String problem = StorableValues.instantProblem(timestamp, clock.instant());
        if (problem != null) {
            throw CdsRequestException.badRequest(where + ".outcomeTimestamp " + problem);
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
        String reasonCode = reason.path("code").isString()
                ? storable(reason.path("code").asString(), where + ".overrideReason.reason.code")
                : null;
        List<String> suggestionIds = new ArrayList<>();
        for (int i = 0; accepted.isArray() && i < accepted.size(); i++) {
            JsonNode id = accepted.get(i).path("id");
            if (id.isString()) {
                suggestionIds.add(storable(id.asString(), where + ".acceptedSuggestions[" + i + "].id"));
            }
        }
        return new Feedback(card, outcome, suggestionIds, reasonCode, timestamp);
    }

    private static String storable(String value, String name) {
        String problem = StorableValues.textProblem(value, StorableValues.MAX_ID_LENGTH);
        if (problem != null) {
            throw CdsRequestException.badRequest(name + " " + problem);
        }
        return value;
    }

    private static String text(JsonNode item, String field, String where) {
        JsonNode value = item.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw CdsRequestException.badRequest(where + "." + field + " is required and must be a string");
        }
        return value.asString();
    }
}
