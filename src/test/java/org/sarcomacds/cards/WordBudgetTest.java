package org.sarcomacds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sarcomacds.rules.Consult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every card of every fixture (the golden answers the regression test holds the service to) can be read in under a
 * minute: the part before "Why this card" at most 200 words for a warning and 250 for the consult, the whole detail at
 * most 450; and a patient-view answers with at most three cards.
 */
class WordBudgetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WHY = "### Why this card";

    @Test
    void everyCardOfEveryFixtureKeepsToItsWordBudget() throws IOException {
        List<String> over = new ArrayList<>();
        List<Path> goldens = goldens();
        for (Path golden : goldens) {
            for (JsonNode card : JSON.readTree(golden.toFile()).path("cards")) {
                String rule = card.path("source").path("topic").path("code").asString();
                String detail = card.path("detail").asString();
                int before = words(detail.substring(0, Math.max(detail.indexOf(WHY), 0)));
                int budget = rule.equals(Consult.ID) ? 250 : 200;
                if (!detail.contains(WHY) || before > budget || words(detail) > 450) {
                    over.add(golden.getParent().getFileName() + " " + golden.getFileName() + " " + rule + ": " + before
                            + " words before why (of " + budget + "), " + words(detail) + " in all");
                }
            }
        }

        assertThat(goldens).hasSizeGreaterThan(60);
        assertThat(over).isEmpty();
    }

    @Test
    void aPatientViewAnswersWithAtMostThreeCards() throws IOException {
        for (Path golden : goldens()) {
            if (golden.getFileName().toString().startsWith("patient-view")) {
                assertThat(JSON.readTree(golden.toFile()).path("cards").size())
                        .as(golden.toString())
                        .isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void wordsAreRunsWithALetterOrDigit() {
        assertThat(words("**Trabectedin** — 1.5 mg/m² × 2 m² = 3 mg | `Condition/x`"))
                .isEqualTo(8);
    }

    /** Words as a reader counts them: whitespace-separated runs with a letter or digit (not "—", "|", "×"). */
    static int words(String text) {
        return (int) Arrays.stream(text.split("\\s+"))
                .filter(w -> w.codePoints().anyMatch(Character::isLetterOrDigit))
                .count();
    }

    private static List<Path> goldens() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("fhir-fixtures"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        }
    }
}
