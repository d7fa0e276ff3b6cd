package org.sarcomacds.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * One pre-dose criterion of the trabectedin label, judged on the latest result of its test only when that result is
 * recent: counts and chemistry within {@code preDose.resultValidDays}, LVEF within {@code preDose.lvefValidDays}.
 * Limits: {@code trabectedin} in {@code hooks/parameters.json}; LVEF below its own lower limit, or below
 * {@code lvef.lowerLimitWithoutRangePercent} when its result has no reference range.
 */
final class PreDoseCheck {

    /** How a criterion stands. */
    enum Outcome {
        /** Judged on a recent result, within the label's limit. */
        MET,
        /** No result in the record (counts and chemistry; a missing LVEF is {@link #NOT_MET}, with its own line). */
        MISSING,
        /**
         * The latest result is undated or older than the window: not judged (counts and chemistry; the card lists
         * them together, by date).
         */
        NOT_RECENT,
        /** A recent result beyond the limit or that cannot be judged; for LVEF also missing or not recent. */
        NOT_MET,
        /** A recent total bilirubin above the label's do-not-give limit. */
        DO_NOT_GIVE
    }

    /**
     * @param analyte the test's value set
     * @param outcome how the criterion stands
     * @param line    what the card says about it (null when met, missing or not recent: those are listed together)
     * @param lab     the result it was judged on, or null
     */
    record Result(String analyte, Outcome outcome, Text line, LabResult lab) {

        /** On patient-view, only a result beyond a limit or not judged, or an LVEF problem, makes the card. */
        boolean raisesOnChart() {
            return outcome == Outcome.NOT_MET || outcome == Outcome.DO_NOT_GIVE;
        }
    }

    static final Variant STALE_ITEM = Variant.of("stale-item", "names", "date", "age");
    static final Variant UNDATED_ITEM = Variant.of("undated-item", "names");
    static final Variant FUTURE_ITEM = Variant.of("future-item", "names", "date");
    static final Variant NO_REFERENCE_RANGE = Variant.of("no-reference-range", "name");
    static final Variant NOT_JUDGED = Variant.of("not-judged", "why");
    static final Variant BILIRUBIN_DO_NOT_GIVE = Variant.of("bilirubin-do-not-give", "times", "limit");
    static final Variant BILIRUBIN_MODERATE =
            Variant.of("bilirubin-moderate-impairment", "times", "start", "second", "third");
    static final Variant BILIRUBIN_ABOVE_ULN = Variant.of("bilirubin-above-uln", "times");
    static final Variant ABOVE_LIMIT = Variant.of("above-limit-delay", "name", "times", "limit");
    static final Variant UNIT_NOT_READ = Variant.of("unit-not-read", "name", "unit", "minimum");
    static final Variant BELOW_MINIMUM = Variant.of("below-minimum-delay", "name", "value", "minimum");
    static final Variant BELOW_EU_MINIMUM = Variant.of("below-eu-minimum", "name", "value", "minimum");
    static final Variant LVEF_MISSING = Variant.of("lvef-missing");
    static final Variant LVEF_NOT_RECENT = Variant.of("lvef-not-recent", "date", "age", "days");
    static final Variant LVEF_UNDATED = Variant.of("lvef-undated");
    static final Variant LVEF_FUTURE = Variant.of("lvef-future", "date");
    static final Variant LVEF_BELOW_LOWER_LIMIT = Variant.of("lvef-below-lower-limit", "value", "limit", "date");
    static final Variant LVEF_BELOW_DEFAULT = Variant.of("lvef-below-default", "value", "limit", "date");
    static final Variant LVEF_NOT_JUDGED = Variant.of("lvef-not-judged", "value", "unit");

    static final List<Variant> VARIANTS = List.of(
            STALE_ITEM,
            UNDATED_ITEM,
            FUTURE_ITEM,
            NO_REFERENCE_RANGE,
            NOT_JUDGED,
            BILIRUBIN_DO_NOT_GIVE,
            BILIRUBIN_MODERATE,
            BILIRUBIN_ABOVE_ULN,
            ABOVE_LIMIT,
            UNIT_NOT_READ,
            BELOW_MINIMUM,
            BELOW_EU_MINIMUM,
            LVEF_MISSING,
            LVEF_NOT_RECENT,
            LVEF_UNDATED,
            LVEF_FUTURE,
            LVEF_BELOW_LOWER_LIMIT,
            LVEF_BELOW_DEFAULT,
            LVEF_NOT_JUDGED);

    private static final String PERCENT = "%";

    private final ClinicalParameters.Trabectedin limits;
    private final ClinicalParameters.PreDose windows;
    private final double lvefDefaultLimit;

    PreDoseCheck(ClinicalParameters parameters) {
        this.limits = parameters.trabectedin();
        this.windows = parameters.preDose();
        this.lvefDefaultLimit = parameters.lvef().lowerLimitWithoutRangePercent();
    }

    /** How recent a result of the test must be, in days. */
    int window(String analyte) {
        return analyte.equals(Concepts.LVEF) ? windows.lvefValidDays() : windows.resultValidDays();
    }

    Result check(PatientFacts facts, String analyte) {
        Optional<LabResult> latest = facts.lab(analyte);
        boolean lvef = analyte.equals(Concepts.LVEF);
        if (latest.isEmpty()) {
            return lvef ? unmet(analyte, LVEF_MISSING.with(), null) : new Result(analyte, Outcome.MISSING, null, null);
        }
        LabResult lab = latest.get();
        if (!lab.isRecent(facts.asOf(), window(analyte))) {
            return notRecent(analyte, lab, facts, lvef);
        }
        return switch (analyte) {
            case Concepts.BILIRUBIN -> bilirubin(lab);
            case Concepts.AST, Concepts.ALT -> uln(lab, limits.astAltMaxUln());
            case Concepts.ALKALINE_PHOSPHATASE -> uln(lab, limits.alkalinePhosphataseMaxUln());
            case Concepts.CREATINE_KINASE -> uln(lab, limits.creatineKinaseMaxUln());
            case Concepts.NEUTROPHILS -> minimum(lab, limits.neutrophilsMinPerMicrolitre());
            case Concepts.PLATELETS -> minimum(lab, limits.plateletsMinPerMicrolitre());
            case Concepts.HAEMOGLOBIN -> haemoglobin(lab);
            case Concepts.LVEF -> lvef(lab);
            default -> throw new IllegalArgumentException("not a pre-dose criterion: " + analyte);
        };
    }

    String timesUln(LabResult lab) {
        return Numbers.plain(lab.timesUln().orElseThrow());
    }

    String doNotGiveLimit() {
        return Numbers.plain(limits.bilirubinDoNotGiveAboveUln());
    }

    private Result notRecent(String analyte, LabResult lab, PatientFacts facts, boolean lvef) {
        if (!lvef) {
            return new Result(analyte, Outcome.NOT_RECENT, null, lab);
        }
        if (lab.date() == null) {
            return unmet(analyte, LVEF_UNDATED.with(), lab);
        }
        if (lab.isFutureDated(facts.asOf())) {
            return unmet(analyte, LVEF_FUTURE.with("date", lab.date().toString()), lab);
        }
        return unmet(
                analyte,
                LVEF_NOT_RECENT.with(
                        "date",
                        lab.date().toString(),
                        "age",
                        String.valueOf(lab.ageDays(facts.asOf()).orElseThrow()),
                        "days",
                        String.valueOf(window(analyte))),
                lab);
    }

    /**
     * The results that are not recent, one item per date ("AST, ALT (2025-01-03, 693 days old)"), then those dated
     * in the future, undated ones last, in the order of {@code stale}.
     */
    static List<Object> staleItems(List<Result> stale, LocalDate asOf) {
        Map<LocalDate, List<Object>> byDate = new LinkedHashMap<>();
        Map<LocalDate, List<Object>> future = new LinkedHashMap<>();
        List<Object> undated = new ArrayList<>();
        for (Result r : stale) {
            Object name = LabText.name(r.analyte());
            if (r.lab().date() == null) {
                undated.add(name);
            } else if (r.lab().isFutureDated(asOf)) {
                future.computeIfAbsent(r.lab().date(), d -> new ArrayList<>()).add(name);
            } else {
                byDate.computeIfAbsent(r.lab().date(), d -> new ArrayList<>()).add(name);
            }
        }
        List<Object> items = new ArrayList<>();
        byDate.forEach((date, names) -> items.add(STALE_ITEM.with(
                "names",
                new Text.Inline(names),
                "date",
                date.toString(),
                "age",
                String.valueOf(ChronoUnit.DAYS.between(date, asOf)))));
        future.forEach(
                (date, names) -> items.add(FUTURE_ITEM.with("names", new Text.Inline(names), "date", date.toString())));
        if (!undated.isEmpty()) {
            items.add(UNDATED_ITEM.with("names", new Text.Inline(undated)));
        }
        return items;
    }

    private Result bilirubin(LabResult lab) {
        Optional<Double> times = lab.timesUln();
        if (times.isEmpty()) {
            return notJudgedAgainstUln(lab);
        }
        String x = Numbers.plain(times.get());
        if (times.get() > limits.bilirubinDoNotGiveAboveUln()) {
            return new Result(
                    lab.analyte(),
                    Outcome.DO_NOT_GIVE,
                    BILIRUBIN_DO_NOT_GIVE.with("times", x, "limit", doNotGiveLimit()),
                    lab);
        }
        if (times.get() > limits.bilirubinModerateImpairmentFromUln()) {
            List<Double> doses = limits.moderateHepaticImpairmentDosesMgPerM2();
            return unmet(
                    lab.analyte(),
                    BILIRUBIN_MODERATE.with(
                            "times",
                            x,
                            "start",
                            Numbers.plain(doses.get(0)),
                            "second",
                            Numbers.plain(doses.get(1)),
                            "third",
                            Numbers.plain(doses.get(2))),
                    lab);
        }
        return times.get() > 1.0 ? unmet(lab.analyte(), BILIRUBIN_ABOVE_ULN.with("times", x), lab) : met(lab);
    }

    /** No multiple of the ULN: no range recorded, or one that cannot be used (which the line names). */
    private static Result notJudgedAgainstUln(LabResult lab) {
        if (lab.range() == LabResult.Range.NOT_RECORDED && !lab.censored()) {
            return unmet(lab.analyte(), NO_REFERENCE_RANGE.with("name", LabText.name(lab.analyte())), lab);
        }
        return unmet(lab.analyte(), NOT_JUDGED.with("why", LabText.notJudged(lab)), lab);
    }

    private Result uln(LabResult lab, double maxUln) {
        Optional<Double> times = lab.timesUln();
        if (times.isEmpty()) {
            return notJudgedAgainstUln(lab);
        }
        return times.get() > maxUln
                ? unmet(
                        lab.analyte(),
                        ABOVE_LIMIT.with(
                                "name",
                                LabText.name(lab.analyte()),
                                "times",
                                Numbers.plain(times.get()),
                                "limit",
                                Numbers.plain(maxUln)),
                        lab)
                : met(lab);
    }

    /** A count the US label delays the dose for when it is below the minimum (per µL). */
    private Result minimum(LabResult lab, double minimum) {
        return below(lab, minimum, "/µL", LabResult::perMicrolitre, BELOW_MINIMUM);
    }

    /** Haemoglobin, which the EU label requires at least this before each cycle (g/dL). */
    private Result haemoglobin(LabResult lab) {
        return below(
                lab, limits.haemoglobinMinGramsPerDecilitre(), " g/dL", LabResult::gramsPerDecilitre, BELOW_EU_MINIMUM);
    }

    private Result below(
            LabResult lab, double minimum, String unit, Function<LabResult, Optional<Double>> read, Variant variant) {
        Object name = LabText.name(lab.analyte());
        if (lab.range() == LabResult.Range.IMPLAUSIBLE) {
            return unmet(lab.analyte(), NOT_JUDGED.with("why", LabText.notJudged(lab)), lab);
        }
        Optional<Double> value = read.apply(lab);
        if (value.isEmpty()) {
            return unmet(
                    lab.analyte(),
                    UNIT_NOT_READ.with("name", name, "unit", lab.unit(), "minimum", Numbers.plain(minimum) + unit),
                    lab);
        }
        if (lab.censored()) {
            return atLeast(lab, value.get(), minimum);
        }
        return value.get() < minimum
                ? unmet(
                        lab.analyte(),
                        variant.with(
                                "name", name, "value", Numbers.plain(value.get()), "minimum", Numbers.plain(minimum)),
                        lab)
                : met(lab);
    }

    /** A bound against a lower limit: met only when {@code >x} or {@code >=x} with x at least the limit. */
    private static Result atLeast(LabResult lab, double bound, double limit) {
        return lab.boundFromBelow() && bound >= limit
                ? met(lab)
                : unmet(lab.analyte(), NOT_JUDGED.with("why", LabText.censored(lab)), lab);
    }

    /**
     * LVEF in %: below the lower limit of its reference range, or below the parameter when it has none; a range in
     * another unit or without one, or a value not in %, cannot be judged.
     */
    private Result lvef(LabResult lab) {
        boolean readable = PERCENT.equals(lab.unit())
                && (lab.range() == LabResult.Range.IN_VALUE_UNIT || lab.range() == LabResult.Range.NOT_RECORDED);
        if (lab.range() == LabResult.Range.IMPLAUSIBLE) {
            return unmet(lab.analyte(), NOT_JUDGED.with("why", LabText.notJudged(lab)), lab);
        }
        if (!readable) {
            Object unit = lab.unit().isEmpty() ? Phrase.NONE_RECORDED.text() : lab.unit();
            return unmet(lab.analyte(), LVEF_NOT_JUDGED.with("value", Numbers.plain(lab.value()), "unit", unit), lab);
        }
        boolean ownLimit = lab.lowerLimit() != null;
        double limit = ownLimit ? lab.lowerLimit() : lvefDefaultLimit;
        if (lab.censored()) {
            return atLeast(lab, lab.value(), limit);
        }
        if (lab.value() >= limit) {
            return met(lab);
        }
        return unmet(
                lab.analyte(),
                (ownLimit ? LVEF_BELOW_LOWER_LIMIT : LVEF_BELOW_DEFAULT)
                        .with(
                                "value",
                                Numbers.plain(lab.value()),
                                "limit",
                                Numbers.plain(limit),
                                "date",
                                lab.date().toString()),
                lab);
    }

    private static Result met(LabResult lab) {
        return new Result(lab.analyte(), Outcome.MET, null, lab);
    }

    private static Result unmet(String analyte, Text line, LabResult lab) {
        return new Result(analyte, Outcome.NOT_MET, line, lab);
    }
}
