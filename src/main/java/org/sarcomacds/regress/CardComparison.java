package org.sarcomacds.regress;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares a hook's answer with the approved one, card by card (cards are paired by rule id, in order): which cards
 * are missing, which are new, and for a card in both, a diff of each field that changed — summary, indicator,
 * suggestions, detail and the rest. UUIDs are removed first: they differ on every call.
 */
public final class CardComparison {

    /** How much of a card must match. */
    public enum Mode {
        /** Every field of every card (UUIDs aside). */
        FULL,
        /** Only which rules answered, with which indicator, in which order. */
        RULES
    }

    private static final List<String> FIELD_ORDER = List.of(
            "summary", "indicator", "suggestions", "detail", "source", "selectionBehavior", "overrideReasons", "links");
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CardComparison() {}

    /**
     * One card that differs.
     *
     * @param ruleId the card's rule ({@code source.topic.code}), or its summary when it names none
     * @param kind   changed (in both), missing (expected only) or unexpected (returned only)
     * @param fields for a changed card, each field that differs
     */
    record CardDiff(String ruleId, Kind kind, String indicator, List<FieldDiff> fields) {}

    enum Kind {
        CHANGED,
        MISSING,
        UNEXPECTED
    }

    /** @param lines the field's line diff, expected ('-') against returned ('+') */
    record FieldDiff(String field, List<LineDiff.Line> lines) {}

    /** The differences; empty when the answers match. */
    static List<CardDiff> compare(JsonNode expected, JsonNode actual, Mode mode) {
        JsonNode want = withoutUuids(expected);
        JsonNode got = withoutUuids(actual);
        List<CardDiff> diffs = new ArrayList<>();
        List<JsonNode> wanted = cards(want);
        List<JsonNode> returned = cards(got);
        boolean[] used = new boolean[returned.size()];
        for (JsonNode card : wanted) {
            int match = unusedWithRule(returned, used, ruleId(card));
            if (match < 0) {
                diffs.add(new CardDiff(ruleId(card), Kind.MISSING, indicator(card), List.of()));
                continue;
            }
            used[match] = true;
            List<FieldDiff> fields = fields(card, returned.get(match), mode);
            if (!fields.isEmpty()) {
                diffs.add(new CardDiff(ruleId(card), Kind.CHANGED, indicator(returned.get(match)), fields));
            }
        }
        for (int i = 0; i < returned.size(); i++) {
            if (!used[i]) {
                diffs.add(
                        new CardDiff(ruleId(returned.get(i)), Kind.UNEXPECTED, indicator(returned.get(i)), List.of()));
            }
        }
        if (mode == Mode.FULL) {
            List<FieldDiff> rest = fields(response(want), response(got), mode);
            if (!rest.isEmpty()) {
                diffs.add(new CardDiff("(response)", Kind.CHANGED, "", rest));
            }
        }
        return diffs;
    }

    /** Rule ids in card order: the same cards in another order are a difference too (cards are shown in order). */
    static List<String> ruleIds(JsonNode response) {
        return cards(response).stream().map(CardComparison::ruleId).toList();
    }

    private static List<FieldDiff> fields(JsonNode expected, JsonNode actual, Mode mode) {
        Set<String> names = new LinkedHashSet<>();
        if (mode == Mode.RULES) {
            names.add("indicator");
        } else {
            FIELD_ORDER.stream().filter(f -> expected.has(f) || actual.has(f)).forEach(names::add);
            expected.propertyNames().forEach(names::add);
            actual.propertyNames().forEach(names::add);
        }
        List<FieldDiff> diffs = new ArrayList<>();
        for (String name : names) {
            JsonNode want = expected.path(name);
            JsonNode got = actual.path(name);
            if (!want.equals(got)) {
                diffs.add(new FieldDiff(name, LineDiff.of(lines(want), lines(got))));
            }
        }
        return diffs;
    }

    private static List<String> lines(JsonNode value) {
        if (value.isMissingNode()) {
            return List.of();
        }
        String text = value.isString() ? value.asString() : PRETTY.writeValueAsString(value);
        return text.lines().toList();
    }

    private static int unusedWithRule(List<JsonNode> cards, boolean[] used, String ruleId) {
        for (int i = 0; i < cards.size(); i++) {
            if (!used[i] && ruleId(cards.get(i)).equals(ruleId)) {
                return i;
            }
        }
        return -1;
    }

    private static List<JsonNode> cards(JsonNode response) {
        List<JsonNode> cards = new ArrayList<>();
        response.path("cards").forEach(cards::add);
        return cards;
    }

    /** The response without its cards: systemActions and whatever else it carries. */
    private static JsonNode response(JsonNode response) {
        ObjectNode rest = response.isObject() ? ((ObjectNode) response).deepCopy() : PRETTY.createObjectNode();
        rest.remove("cards");
        return rest;
    }

    static String ruleId(JsonNode card) {
        String rule = card.path("source").path("topic").path("code").asString("");
        return rule.isEmpty() ? card.path("summary").asString("(card without summary)") : rule;
    }

    private static String indicator(JsonNode card) {
        return card.path("indicator").asString("");
    }

    /** A hook answer as golden files hold it: every {@code uuid} removed (they differ on each call). */
    public static JsonNode withoutUuids(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("uuid");
        }
        node.forEach(CardComparison::strip);
    }
}
