package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TermScannerTest {

    @Test
    void findsEveryGroupWhoseTermOccursAnywhereInTheText() {
        TermScanner scanner = TermScanner.of(Map.of(
                "lms", List.of("leiomyosarcoma", "lms"),
                "sarcoma", List.of("sarcoma"),
                "doxorubicin", List.of("doxorubicin", "adriamycin")));

        TermScanner.Found found = scanner.scan(List.of("metastatic leiomyosarcoma of the uterus"));

        assertThat(found.contains("lms")).isTrue();
        assertThat(found.contains("sarcoma"))
                .as("a term inside another term's match")
                .isTrue();
        assertThat(found.contains("doxorubicin")).isFalse();
    }

    @Test
    void aTermThatIsASuffixOfAPartialMatchIsStillFound() {
        // "she" fails part-way through "hers" and must fall back to "he": the failure links at work
        TermScanner scanner = TermScanner.of(Map.of("a", List.of("hers"), "b", List.of("she"), "c", List.of("his")));

        assertThat(scanner.scan(List.of("usher")).contains("b")).isTrue();
        assertThat(scanner.scan(List.of("usher")).contains("a")).isFalse();
        assertThat(scanner.scan(List.of("ushers")).contains("a")).isTrue();
        assertThat(scanner.scan(List.of("this")).contains("c")).isTrue();
    }

    @Test
    void nothingFoundInATextThatNamesNoTermOrInNoText() {
        TermScanner scanner = TermScanner.of(Map.of("lms", List.of("leiomyosarcoma")));

        assertThat(scanner.scan(List.of("essential hypertension", "")).isEmpty())
                .isTrue();
        assertThat(scanner.scan(List.of()).isEmpty()).isTrue();
        assertThat(scanner.scan(List.of("leiomyosarcom")).contains("lms")).isFalse();
        assertThat(scanner.scan(List.of("leiomyosarcoma")).contains("unknown group"))
                .isFalse();
    }

    @Test
    void looksAtEveryTextOfTheConcept() {
        TermScanner scanner = TermScanner.of(Map.of("lms", List.of("leiomyosarcoma"), "dox", List.of("doxorubicin")));

        TermScanner.Found found = scanner.scan(List.of("uterine leiomyosarcoma", "doxorubicin 75 mg/m2"));

        assertThat(found.contains("lms")).isTrue();
        assertThat(found.contains("dox")).isTrue();
    }

    /** Random terms and texts over a small alphabet, so that overlaps are common: the same answer as String.contains. */
    @Test
    void agreesWithStringContainsOnRandomTermsAndTexts() {
        Random random = new Random(14);
        for (int round = 0; round < 300; round++) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (int g = 0; g < 1 + random.nextInt(6); g++) {
                List<String> terms = new ArrayList<>();
                for (int t = 0; t < 1 + random.nextInt(4); t++) {
                    terms.add(word(random, 1 + random.nextInt(5)));
                }
                groups.put("g" + g, terms);
            }
            TermScanner scanner = TermScanner.of(groups);
            String text = word(random, random.nextInt(30));

            TermScanner.Found found = scanner.scan(List.of(text));

            for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                boolean expected = group.getValue().stream().anyMatch(text::contains);
                assertThat(found.contains(group.getKey()))
                        .as("%s in \"%s\"", group.getValue(), text)
                        .isEqualTo(expected);
            }
        }
    }

    private static String word(Random random, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append("abc".charAt(random.nextInt(3)));
        }
        return word.toString();
    }
}
