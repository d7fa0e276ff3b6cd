package org.sarcomacds.rules;

import java.time.LocalDate;
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

    /**
     * Why a result cannot be judged against its limit: a negative value, a bound across the limit, or a range that
     * gives no limit in its unit that applies to the patient.
     */
    static Text notJudged(LabResult lab) {
        Object name = name(lab.analyte(), lab.display());
        if (lab.range() == LabResult.Range.IMPLAUSIBLE) {
            return Phrase.LAB_NOT_JUDGED_IMPLAUSIBLE.with("name", name, "value", valueWithUnit(lab));
        }
        if (lab.censored() && lab.range() == LabResult.Range.IN_VALUE_UNIT) {
            return Phrase.LAB_NOT_JUDGED_CENSORED.with("name", name, "value", valueWithUnit(lab));
        }
        return switch (lab.range()) {
            case WITHOUT_UNIT -> Phrase.LAB_NOT_JUDGED_WITHOUT_UNIT.with("name", name);
            case OTHER_UNIT -> Phrase.LAB_NOT_JUDGED_OTHER_UNIT.with("name", name);
            case NONE_APPLIES -> Phrase.LAB_NOT_JUDGED_NONE_APPLIES.with("name", name);
            case RANGES_DISAGREE -> Phrase.LAB_NOT_JUDGED_RANGES_DISAGREE.with("name", name);
            default -> Phrase.LAB_NOT_JUDGED_NO_RANGE.with("name", name);
        };
    }

    /** Why a bound ({@code <150}) cannot be judged against a limit. */
    static Text censored(LabResult lab) {
        return Phrase.LAB_NOT_JUDGED_CENSORED.with(
                "name", name(lab.analyte(), lab.display()), "value", valueWithUnit(lab));
    }

    /** The value as recorded, with its comparator: {@code <0.2}, {@code 1.4}. */
    static String value(LabResult lab) {
        return lab.comparator() + Numbers.plain(lab.value());
    }

    private static String valueWithUnit(LabResult lab) {
        return lab.unit().isEmpty() ? value(lab) : value(lab) + " " + lab.unit();
    }

    /** The date as a card reads it in a list of results: the date, said to be in the future when it is. */
    static Object date(LabResult lab, LocalDate asOf) {
        if (lab.date() == null) {
            return Phrase.LAB_UNDATED.text();
        }
        return lab.isFutureDated(asOf)
                ? Phrase.LAB_FUTURE_DATED.with("date", lab.date().toString())
                : lab.date().toString();
    }

    static Text of(LabResult lab, PatientFacts facts, int recentDays) {
        Object uln = "";
        if (ULN_TESTS.contains(lab.analyte())) {
            uln = lab.timesUln()
                    .<Object>map(x -> Phrase.LAB_TIMES_ULN.with("times", lab.comparator() + Numbers.plain(x)))
                    .orElse(withoutUln(lab));
        } else if (lab.range() == LabResult.Range.IMPLAUSIBLE) {
            uln = Phrase.LAB_IMPLAUSIBLE.text();
        }
        Object age = "";
        if (lab.isFutureDated(facts.asOf())) {
            age = Phrase.LAB_FUTURE.text();
        } else if (lab.date() == null || ChronoUnit.DAYS.between(lab.date(), facts.asOf()) > recentDays) {
            age = Phrase.LAB_OLDER_THAN.with("days", String.valueOf(recentDays));
        }
        return Phrase.LAB_RESULT.with(
                "name", name(lab.analyte(), lab.display()),
                "value", value(lab),
                "unit", lab.unit(),
                "uln", uln,
                "date",
                        lab.date() == null
                                ? Phrase.LAB_UNDATED.text()
                                : lab.date().toString(),
                "age", age,
                "reference", lab.reference());
    }

    /** Why a ULN test shows no multiple of its ULN. */
    private static Object withoutUln(LabResult lab) {
        if (lab.range() == LabResult.Range.IN_VALUE_UNIT && lab.censored()) {
            return Phrase.LAB_CENSORED.text();
        }
        return switch (lab.range()) {
            case WITHOUT_UNIT -> Phrase.LAB_RANGE_WITHOUT_UNIT.text();
            case OTHER_UNIT -> Phrase.LAB_RANGE_OTHER_UNIT.text();
            case NONE_APPLIES -> Phrase.LAB_NONE_APPLIES.text();
            case RANGES_DISAGREE -> Phrase.LAB_RANGES_DISAGREE.text();
            case IMPLAUSIBLE -> Phrase.LAB_IMPLAUSIBLE.text();
            default -> Phrase.LAB_NO_RANGE.text();
        };
    }
}
