package org.sarcomacds.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Which rules a hook answer's cards come from: each card's rule ({@code source.topic.code}) and, for the next-line
 * consult, the option rules it was composed from, read from its links to their evidence pages
 * ({@code …/evidence/<rule id>}).
 */
public final class CardRules {

    private static final String EVIDENCE = "/evidence/";

    private CardRules() {}

    public static List<String> ruleIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        for (JsonNode card : response.path("cards")) {
            String rule = card.path("source").path("topic").path("code").asString("");
            ids.add(rule);
            for (JsonNode link : card.path("links")) {
                String url = link.path("url").asString("");
                int at = url.indexOf(EVIDENCE);
                String linked = at < 0 ? "" : url.substring(at + EVIDENCE.length());
                if (!linked.isEmpty() && !linked.equals(rule) && !ids.contains(linked)) {
                    ids.add(linked);
                }
            }
        }
        return ids;
    }

    /** The uuid of the card of this rule, or of the consult that lists it as an option. */
    public static String cardUuid(JsonNode response, String ruleId) {
        return card(response, ruleId).path("uuid").asString();
    }

    /** The card of this rule, or the consult that lists it as an option. */
    public static JsonNode card(JsonNode response, String ruleId) {
        for (JsonNode card : response.path("cards")) {
            boolean own =
                    card.path("source").path("topic").path("code").asString("").equals(ruleId);
            boolean option = false;
            for (JsonNode link : card.path("links")) {
                option |= link.path("url").asString("").endsWith(EVIDENCE + ruleId);
            }
            if (own || option) {
                return card;
            }
        }
        throw new AssertionError("no card of " + ruleId + " in " + response);
    }
}
