package org.sarcomacds.rules;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.text.Numbers;

/**
 * How a lab result reads on a card ({@link Phrase#LAB_RESULT}): name, value, multiple of ULN where the label uses one,
 * date, and recency. The words are in {@code hooks/cards/_phrases.json}.
 */
final class LabText {

    private static final Map<String, Phrase> NAMES = Map.ofEntries(
            Map.entry(Concepts.BILIRUBIN, Phrase.ANALYTE_BILIRUBIN),
            Map.entry(Concepts.AST, Phrase.ANALYTE_AST),
            Map.entry(Concepts.ALT, Phrase.ANALYTE_ALT),
            Map.entry(Concepts.ALKALINE_PHOSPHATASE, Phrase.ANALYTE_ALP),
            Map.entry(Concepts.CREATINE_KINASE, Phrase.ANALYTE_CPK),
            Map.entry(Concepts.NEUTROPHILS, Phrase.ANALYTE_ANC),
            Map.entry(Concepts.PLATELETS, Phrase.ANALYTE_PLATELETS),
            Map.entry(Concepts.HAEMOGLOBIN, Phrase.ANALYTE_HAEMOGLOBIN),
            Map.entry(Concepts.LVEF, Phrase.ANALYTE_LVEF));
    /** Tests the label judges as multiples of the upper limit of normal. */
    private static final Set<String> ULN_TESTS = Set.of(
            Concepts.BILIRUBIN, Concepts.AST, Concepts.ALT, Concepts.ALKALINE_PHOSPHATASE, Concepts.CREATINE_KINASE);

    private LabText() {}

    /** The test's name on a card; the record's own name for a test without a phrase. */
    static Object name(String analyte, String recorded) {
        Phrase name = NAMES.get(analyte);
        return name == null ? recorded : name.text();
    }

    static Object name(String analyte) {
        return name(analyte, analyte);
    }

    /** Why a result the label judges as a multiple of the ULN cannot be judged: its range gives no ULN in its unit. */
    static Text notJudged(LabResult lab) {
        Object name = name(lab.analyte(), lab.display());
        return switch (lab.range()) {
            case WITHOUT_UNIT -> Phrase.LAB_NOT_JUDGED_WITHOUT_UNIT.with("name", name);
            case OTHER_UNIT -> Phrase.LAB_NOT_JUDGED_OTHER_UNIT.with("name", name);
            default -> Phrase.LAB_NOT_JUDGED_NO_RANGE.with("name", name);
        };
    }

    static Text of(LabResult lab, PatientFacts facts, int recentDays) {
        Object uln = "";
        if (ULN_TESTS.contains(lab.analyte())) {
            uln = lab.timesUln()
                    .<Object>map(x -> Phrase.LAB_TIMES_ULN.with("times", Numbers.plain(x)))
                    .orElse(
                            switch (lab.range()) {
                                case WITHOUT_UNIT -> Phrase.LAB_RANGE_WITHOUT_UNIT.text();
                                case OTHER_UNIT -> Phrase.LAB_RANGE_OTHER_UNIT.text();
                                default -> Phrase.LAB_NO_RANGE.text();
                            });
        }
        boolean old = lab.date() == null || ChronoUnit.DAYS.between(lab.date(), facts.asOf()) > recentDays;
        return Phrase.LAB_RESULT.with(
                "name", name(lab.analyte(), lab.display()),
                "value", Numbers.plain(lab.value()),
                "unit", lab.unit(),
                "uln", uln,
                "date",
                        lab.date() == null
                                ? Phrase.LAB_UNDATED.text()
                                : lab.date().toString(),
                "age", old ? Phrase.LAB_OLDER_THAN.with("days", String.valueOf(recentDays)) : "",
                "reference", lab.reference());
    }
}
