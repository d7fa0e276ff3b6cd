package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.NegationDetector.Assertion.AFFIRMED;
import static org.sarcomacds.facts.NegationDetector.Assertion.NEGATED;
import static org.sarcomacds.facts.NegationDetector.Assertion.UNCERTAIN;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sarcomacds.facts.NegationDetector.Assertion;

/**
 * Real-looking phrasings from problem lists, pathology summaries and medication lists, with what they say about the
 * name in them ({@code hooks/text-cues.json}).
 */
class NegationDetectorTest {

    private static final NegationDetector DETECTOR = new NegationDetector(TextCues.load());

    static Stream<Arguments> phrasings() {
        return Stream.of(
                // affirmed: the name counts
                Arguments.of("History of leiomyosarcoma of uterus", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Leiomyosarcoma, grade 3", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Recurrent leiomyosarcoma of retroperitoneum", "leiomyosarcoma", AFFIRMED),
                Arguments.of("High-grade leiomyosarcoma, confirmed on central review", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Leiomyosarcoma, not otherwise specified", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Leiomyosarcoma not otherwise specified", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Metastatic leiomyosarcoma, no evidence of bone disease", "leiomyosarcoma", AFFIRMED),
                Arguments.of("No metastasis, however leiomyosarcoma confirmed on IHC", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Leiomyosarcoma of the uterus but no metastases", "leiomyosarcoma", AFFIRMED),
                Arguments.of("No residual tumour; leiomyosarcoma of uterus resected 2023", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Leiomyosarcoma. No metastases on staging CT.", "leiomyosarcoma", AFFIRMED),
                Arguments.of("Uterine LMS s/p TAH-BSO", "lms", AFFIRMED),
                Arguments.of("St. John's wort 300 mg daily", "St. John's wort", AFFIRMED),
                Arguments.of("Previous doxorubicin 75 mg/m2 x 6", "doxorubicin", AFFIRMED),
                Arguments.of("ketoconazole 2% shampoo twice weekly", "ketoconazole", AFFIRMED),
                // negated: the name does not count
                Arguments.of("Leiomyosarcoma excluded on IHC", "leiomyosarcoma", NEGATED),
                Arguments.of("Smooth muscle tumour; leiomyosarcoma ruled out", "leiomyosarcoma", NEGATED),
                Arguments.of("Leiomyosarcoma was ruled out on review", "leiomyosarcoma", NEGATED),
                Arguments.of("no evidence of metastatic disease", "metastatic", NEGATED),
                Arguments.of("Negative for leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("No leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("Not leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("Benign leiomyoma, leiomyosarcoma excluded", "leiomyosarcoma", NEGATED),
                Arguments.of("Leiomyoma with no features of leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("Leiomyosarcoma is unlikely", "leiomyosarcoma", NEGATED),
                Arguments.of("Family history of leiomyosarcoma (sister)", "leiomyosarcoma", NEGATED),
                Arguments.of("Denies history of leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("Without evidence of leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("Free of leiomyosarcoma at 5 years", "leiomyosarcoma", NEGATED),
                Arguments.of("Excluded: leiomyosarcoma", "leiomyosarcoma", NEGATED),
                Arguments.of("Lung nodules without metastases on biopsy", "metastases", NEGATED),
                Arguments.of("No clarithromycin (allergy)", "clarithromycin", NEGATED),
                Arguments.of("Adriamycin - not given (cardiomyopathy)", "Adriamycin", NEGATED),
                Arguments.of("Denies St John's wort or other herbal remedies", "St John's wort", NEGATED),
                // uncertain: the name counts as unconfirmed
                Arguments.of("?LMS", "lms", UNCERTAIN),
                Arguments.of("Uterine mass, ?leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("possible leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("uterine mass - r/o leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Rule out leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Suspicious for leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Probable leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Query leiomyosarcoma recurrence", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Questionable leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Likely leiomyosarcoma, awaiting IHC", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Leiomyosarcoma?", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Leiomyosarcoma (not confirmed)", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Smooth muscle tumour, leiomyosarcoma not excluded", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Leiomyosarcoma cannot be excluded", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Cannot exclude leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Leiomyosarcoma not ruled out", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Leiomyosarcoma vs leiomyoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("STUMP vs. leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("DDx: leiomyoma versus leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Differential diagnosis includes leiomyosarcoma", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Uterine leiomyosarcoma (suspected)", "leiomyosarcoma", UNCERTAIN),
                Arguments.of("Presumed leiomyosarcoma, histology under review", "leiomyosarcoma", UNCERTAIN));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("phrasings")
    void eachPhrasingSaysWhatAClinicianReadsInIt(String text, String name, Assertion expected) {
        int start = text.toLowerCase(Locale.ROOT).indexOf(name.toLowerCase(Locale.ROOT));

        assertThat(DETECTOR.assertion(text, start, start + name.length())).isEqualTo(expected);
    }

    @Test
    void thereAreAtLeastThirtyPhrasingsOfEachKindTogether() {
        assertThat(phrasings().count()).isGreaterThanOrEqualTo(30);
        assertThat(phrasings().map(a -> a.get()[2]).distinct()).containsExactlyInAnyOrder(AFFIRMED, NEGATED, UNCERTAIN);
    }

    @Test
    void aCueFartherThanTheWindowGovernsNothing() {
        String text = "no complications after the long and difficult surgery for the leiomyosarcoma";

        assertThat(DETECTOR.assertion(text, text.indexOf("leiomyosarcoma"), text.length()))
                .isEqualTo(AFFIRMED);
    }

    @Test
    void theVerdictNamesTheClauseThatDoubts() {
        String text = "Uterine mass, ?leiomyosarcoma; hysterectomy planned";
        int start = text.indexOf("leiomyosarcoma");

        assertThat(DETECTOR.assess(text, start, start + "leiomyosarcoma".length())
                        .clause())
                .isEqualTo("?leiomyosarcoma");
    }

    @Test
    void aDecimalPointOrAnAbbreviationDoesNotEndTheClause() {
        String decimal = "no 2.5 cm leiomyosarcoma";
        String abbreviation = "no e.g. leiomyosarcoma";

        assertThat(DETECTOR.assertion(decimal, decimal.indexOf("leio"), decimal.length()))
                .isEqualTo(NEGATED);
        assertThat(DETECTOR.assertion(abbreviation, abbreviation.indexOf("leio"), abbreviation.length()))
                .isEqualTo(NEGATED);
    }
}
