package org.sarcomacds.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sarcomacds.regress.CardComparison.CardDiff;
import org.sarcomacds.regress.CardComparison.Kind;
import org.sarcomacds.regress.CardComparison.Mode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cards are paired by rule id; the full comparison diffs every field, {@code --compare rules} only the indicator. */
class CardComparisonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fullComparisonDiffsEachChangedFieldLineByLine() {
        JsonNode expected = response(card("RULE-A", "warning", "Old summary", "line 1\nline 2\nline 3"));
        JsonNode actual = response(card("RULE-A", "warning", "New summary", "line 1\nline 2 changed\nline 3"));

        List<CardDiff> diffs = CardComparison.compare(expected, actual, Mode.FULL);

        assertThat(diffs).singleElement().satisfies(diff -> {
            assertThat(diff.kind()).isEqualTo(Kind.CHANGED);
            assertThat(diff.fields())
                    .extracting(CardComparison.FieldDiff::field)
                    .containsExactly("summary", "detail");
            assertThat(diff.fields().get(1).lines())
                    .extracting(LineDiff.Line::render)
                    .containsExactly("  line 1", "- line 2", "+ line 2 changed", "  line 3");
        });
    }

    @Test
    void rulesComparisonIgnoresTextButNotIndicatorsOrMissingCards() {
        JsonNode expected = response(card("RULE-A", "warning", "Old", "x"), card("RULE-B", "info", "B", "y"));
        JsonNode actual = response(card("RULE-A", "critical", "New", "z"), card("RULE-C", "info", "C", "y"));

        List<CardDiff> diffs = CardComparison.compare(expected, actual, Mode.RULES);

        assertThat(diffs)
                .extracting(CardDiff::ruleId, CardDiff::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RULE-A", Kind.CHANGED),
                        org.assertj.core.groups.Tuple.tuple("RULE-B", Kind.MISSING),
                        org.assertj.core.groups.Tuple.tuple("RULE-C", Kind.UNEXPECTED));
        assertThat(diffs.get(0).fields())
                .extracting(CardComparison.FieldDiff::field)
                .containsExactly("indicator");
        assertThat(CardComparison.compare(
                        response(card("RULE-A", "warning", "Old", "x")),
                        response(card("RULE-A", "warning", "New", "y")),
                        Mode.RULES))
                .isEmpty();
    }

    @Test
    void uuidsAreNotDifferences() {
        JsonNode expected = response(card("RULE-A", "info", "S", "d"));
        JsonNode actual = response(card("RULE-A", "info", "S", "d"));
        ((tools.jackson.databind.node.ObjectNode) actual.path("cards").path(0)).put("uuid", "b8f1…");

        assertThat(CardComparison.compare(expected, actual, Mode.FULL)).isEmpty();
    }

    private static JsonNode response(JsonNode... cards) {
        var response = JSON.createObjectNode();
        var array = response.putArray("cards");
        for (JsonNode card : cards) {
            array.add(card);
        }
        return response;
    }

    private static JsonNode card(String rule, String indicator, String summary, String detail) {
        var card = JSON.createObjectNode()
                .put("summary", summary)
                .put("indicator", indicator)
                .put("detail", detail);
        card.putObject("source").put("label", "x").putObject("topic").put("code", rule);
        return card;
    }
}
