package org.sarcomacds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sentence a clinician reads lives in {@code hooks/cards/}: the Java of the rules, facts and cards holds none.
 * A sentence is a string literal with seven or more words in a row (the pattern the project's checks use); messages
 * of exceptions and logs are for operators and are left out, statement by statement, as are comments.
 */
class NoSentencesInJavaTest {

    private static final Path MAIN = Path.of("src/main/java/org/sarcomacds");
    private static final List<String> PACKAGES = List.of("rules", "facts", "cards");
    static final Pattern SENTENCE = Pattern.compile("\"([A-Za-z,;:()-]+ ){7,}[^\"]*\"");
    private static final Pattern OPERATOR_MESSAGE = Pattern.compile("Exception|throw|log\\.");

    /**
     * Sentences another engineer is replacing, each with the file it is in: issue 12-A turns the body-surface-area gap
     * into body-measurement problems that the cards word. The test fails when one is gone, so the entry goes too.
     */
    @Test
    void theRulesFactsAndCardsHoldNoSentence() throws IOException {
        List<String> found = sentences();

        assertThat(found)
                .as("sentences in Java; move them to hooks/cards as variants or phrases")
                .isEmpty();
    }

    @Test
    void aSentenceInACardClassIsFoundAndAnExceptionMessageIsNot() {
        String java = """
                class X {
                    String a = "The latest results in the record meet the criteria.";
                    void b() {
                        throw new IllegalStateException(
                                "this message names the file and the key that is wrong here");
                    }
                }
                """;

        assertThat(sentencesIn("X.java", java)).singleElement().asString().contains("X.java:2");
    }

    private static List<String> sentences() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String name = MAIN.relativize(file).toString();
                    sentencesIn(name, Files.readString(file)).stream().forEach(found::add);
                }
            }
        }
        return found;
    }

    /** The sentences of one source file, as {@code file:line: literal}. */
    static List<String> sentencesIn(String name, String java) {
        List<String> found = new ArrayList<>();
        List<String> lines = java.lines().toList();
        StringBuilder statement = new StringBuilder();
        List<Integer> statementLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")) {
                continue;
            }
            statement.append(line).append('\n');
            statementLines.add(i);
            if (line.endsWith(";") || line.endsWith("{") || line.endsWith("}")) {
                if (!OPERATOR_MESSAGE.matcher(statement).find()) {
                    for (int n : statementLines) {
                        var m = SENTENCE.matcher(lines.get(n));
                        while (m.find()) {
                            found.add(name + ":" + (n + 1) + ": " + m.group());
                        }
                    }
                }
                statement.setLength(0);
                statementLines.clear();
            }
        }
        return found;
    }
}
