package org.sarcomacds.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Checks a hook response against the CDS Hooks 2.0 rules for cards, suggestions, actions and links. */
public final class CdsResponseAssertions {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    private CdsResponseAssertions() {}

    public static void assertValidResponse(JsonNode response) {
        assertThat(response.isObject()).as("response is an object").isTrue();
        assertThat(response.path("cards").isArray())
                .as("cards array always present")
                .isTrue();
        if (response.has("systemActions")) {
            assertThat(response.path("systemActions").isEmpty())
                    .as("systemActions only when there are some")
                    .isFalse();
        }
        response.path("cards").forEach(CdsResponseAssertions::assertValidCard);
        assertNoEmptyOptionals(response.path("cards"), "cards");
    }

    private static void assertValidCard(JsonNode card) {
        assertUuid(card.path("uuid"), "card.uuid");
        assertThat(card.path("summary").asString("")).as("summary").isNotBlank().hasSizeLessThan(140);
        assertThat(INDICATORS).as("indicator").contains(card.path("indicator").asString(""));
        assertThat(card.path("source").path("label").asString(""))
                .as("source.label")
                .isNotBlank();
        assertThat(card.path("detail").asString("")).as("detail").contains("### Why this card");
        if (card.has("suggestions")) {
            assertThat(card.path("selectionBehavior").asString(""))
                    .as("selectionBehavior with suggestions")
                    .isIn("at-most-one", "any");
            card.path("suggestions").forEach(CdsResponseAssertions::assertValidSuggestion);
        }
        if (!card.path("indicator").asString("").equals("info")) {
            assertThat(card.path("overrideReasons").isEmpty())
                    .as("override reasons on warning cards")
                    .isFalse();
        }
        card.path("overrideReasons").forEach(reason -> {
            assertThat(reason.path("code").asString("")).isNotBlank();
            assertThat(reason.path("system").asString("")).isNotBlank();
            assertThat(reason.path("display").asString(""))
                    .as("override reason display")
                    .isNotBlank();
        });
        card.path("links").forEach(link -> {
            assertThat(link.path("label").asString("")).isNotBlank();
            String url = link.path("url").asString("");
            // a link to another site is https; the link to our own evidence page has the address the call came to
            assertThat(url.startsWith("https://") || url.startsWith("http://") && url.contains("/evidence/"))
                    .as("link url %s", url)
                    .isTrue();
            assertThat(link.path("type").asString("")).isEqualTo("absolute");
            assertThat(link.has("appContext")).isFalse();
        });
    }

    private static void assertValidSuggestion(JsonNode suggestion) {
        assertUuid(suggestion.path("uuid"), "suggestion.uuid");
        assertThat(suggestion.path("label").asString("")).isNotBlank();
        assertThat(suggestion.path("actions").isEmpty())
                .as("suggestion actions")
                .isFalse();
        suggestion.path("actions").forEach(action -> {
            String type = action.path("type").asString("");
            assertThat(type).isIn("create", "update", "delete");
            assertThat(action.path("description").asString(""))
                    .as("action.description")
                    .isNotBlank();
            if (type.equals("delete")) {
                assertThat(action.path("resourceId").asString("")).matches("[A-Za-z]+/[A-Za-z0-9\\-.]+");
            } else {
                assertThat(action.path("resource").path("resourceType").asString(""))
                        .isNotBlank();
            }
        });
    }

    private static void assertUuid(JsonNode value, String what) {
        assertThat(value.isString()).as(what).isTrue();
        assertThat(UUID.fromString(value.asString()).toString())
                .as(what)
                .isEqualTo(value.asString().toLowerCase());
    }

    /** The specification forbids null, "", [] and {} for optional fields. */
    public static void assertNoEmptyOptionals(JsonNode node, String path) {
        List<String> empty = new ArrayList<>();
        collectEmpty(node, path, empty);
        assertThat(empty).as("empty or null optional fields").isEmpty();
    }

    private static void collectEmpty(JsonNode node, String path, List<String> empty) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonNode v = e.getValue();
                String at = path + "." + e.getKey();
                if (v.isNull() || (v.isString() && v.asString().isEmpty()) || (v.isContainer() && v.isEmpty())) {
                    empty.add(at);
                }
                collectEmpty(v, at, empty);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectEmpty(node.get(i), path + "[" + i + "]", empty);
            }
        }
    }
}
