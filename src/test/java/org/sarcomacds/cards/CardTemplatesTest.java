package org.sarcomacds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.rules.Rules;

/**
 * The start-up checks of the card texts: each problem stops start-up with one sentence that names the file and the
 * key. The files are the real ones of {@code hooks/cards/}, one of them changed per test.
 */
class CardTemplatesTest {

    @Test
    void theShippedCardTextsPassEveryCheck() {
        CardTemplates templates = load("none", text -> text);

        assertThat(templates.forRule("LMS-TRABECTEDIN-SAFETY").variants()).containsKey("summary-do-not-give");
    }

    @Test
    void aDeclaredVariantWithoutWordsStopsStartUp() {
        assertRefused(
                "LMS-TRABECTEDIN-SAFETY.json",
                text -> text.replace("\"summary-do-not-give\"", "\"summary-do-not-give-old\""),
                "hooks/cards/LMS-TRABECTEDIN-SAFETY.json has no words for the variant 'summary-do-not-give'.");
    }

    @Test
    void aVariantUsingAValueItsRuleDoesNotPassStopsStartUp() {
        assertRefused(
                "LMS-REGORAFENIB-ALTERNATIVE.json",
                text -> text.replace(
                        "The record shows no pazopanib.", "The record shows no pazopanib since {{stopDate}}."),
                "hooks/cards/LMS-REGORAFENIB-ALTERNATIVE.json uses [stopDate] in the variant 'pazopanib-none',"
                        + " which no rule fills.");
    }

    @Test
    void aVariantTheRuleDoesNotDeclareStopsStartUp() {
        assertRefused(
                "LMS-TRABECTEDIN-CYP3A.json",
                text -> text.replace("\"variants\" : {", "\"variants\" : {\"moderate\": \"moderate inhibitor\",")
                        .replace("\"variants\": {", "\"variants\": {\"moderate\": \"moderate inhibitor\","),
                "hooks/cards/LMS-TRABECTEDIN-CYP3A.json has the variant 'moderate', which its rule does not declare.");
    }

    @Test
    void aDetailUsingAPlaceholderNothingFillsStopsStartUp() {
        assertRefused(
                "LMS-AVOID-GEMCITABINE-PAZOPANIB.json",
                text -> text.replace("\"{{combination}}\"", "\"{{combination}} {{ecog}}\""),
                "hooks/cards/LMS-AVOID-GEMCITABINE-PAZOPANIB.json uses [ecog], which rule"
                        + " LMS-AVOID-GEMCITABINE-PAZOPANIB does not fill, in: {{combination}} {{ecog}}.");
    }

    @Test
    void aPhraseWithoutWordsStopsStartUp() {
        assertRefused(
                CardTemplates.PHRASES,
                text -> text.replace("\"note.gap\"", "\"note.gone\""),
                "hooks/cards/_phrases.json has no words for the phrase 'note.gap'.");
    }

    @Test
    void aPhraseUsingAnUndeclaredPlaceholderStopsStartUp() {
        assertRefused(
                CardTemplates.PHRASES,
                text -> text.replace("matched {{how}}", "matched {{how}} by {{whom}}"),
                "hooks/cards/_phrases.json uses [whom] in 'fact.matched', which no rule fills.");
    }

    @Test
    void aDoseInMilligramsPerSquareMetreStopsStartUp() {
        assertRefused(
                "LMS-REGORAFENIB-ALTERNATIVE.json",
                text -> text.replace("\"doseUnit\": \"mg\"", "\"doseUnit\": \"mg/m2\""),
                "hooks/cards/LMS-REGORAFENIB-ALTERNATIVE.json has a dose that is not a number or placeholder in mg:"
                        + " 160.");
    }

    @Test
    void aCriticalCardWithoutItsOwnOverrideReasonsStopsStartUp() {
        assertRefused(
                "LMS-TRABECTEDIN-SAFETY.json",
                text -> text.replace("\"critical\": [", "\"serious\": ["),
                "hooks/cards/LMS-TRABECTEDIN-SAFETY.json lacks override reasons (with displays) for 'critical', or"
                        + " has some for info.");
    }

    @Test
    void anOptionWrittenAsAWarningStopsStartUp() {
        assertRefused(
                "LMS-CLINICAL-TRIALS.json",
                text -> text.replace("\"priority\": 30,", "\"priority\": 30, \"summary\": \"Trials\","),
                "hooks/cards/LMS-CLINICAL-TRIALS.json is an option of the consult: it has no indicator, summary or"
                        + " detail.");
    }

    @Test
    void everySourceUrlOpensTheCitedDocumentNotASearch() {
        CardTemplates templates = load("none", text -> text);
        for (String id : Rules.ids()) {
            String url = templates.forRule(id).source().url();
            if (url != null) {
                assertThat(url)
                        .as(id)
                        .startsWith("https://")
                        .doesNotContain("search")
                        .doesNotContain("query");
            }
        }
    }

    private static void assertRefused(String file, UnaryOperator<String> change, String sentence) {
        assertThatThrownBy(() -> load(file, change))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessage(sentence);
    }

    /** The shipped card texts with one file changed. */
    private static CardTemplates load(String file, UnaryOperator<String> change) {
        List<KnowledgeFile> files = KnowledgeFiles.jsonFiles("cards").stream()
                .map(f -> f.name().equals(file) ? new KnowledgeFile(f.name(), change.apply(f.text())) : f)
                .toList();
        assertThat(file.equals("none") || files.stream().anyMatch(f -> f.name().equals(file)))
                .isTrue();
        return new CardTemplates(files, Rules.ALL, KnowledgeFiles.jsonFiles("caveats"));
    }
}
