package org.sarcomacds.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One result of a lab test or body measurement.
 *
 * @param analyte    the value set id, e.g. {@code obs-bilirubin-total}
 * @param display    the test's name in the record
 * @param value      the value in {@code unit}
 * @param unit       UCUM code or unit text as recorded
 * @param upperLimit {@code referenceRange.high} in the same unit, when recorded (the ULN)
 * @param date       when it was measured ({@code effective[x]}, else {@code issued}); null when the record has none
 * @param reference  the Observation, e.g. {@code Observation/abc}
 * @param lowerLimit {@code referenceRange.low} in the same unit, when recorded (e.g. the lower limit of LVEF)
 * @param range      what the reference range says: a limit without a unit is never taken as in the value's unit
 * @param comparator the value's {@code comparator} ({@code <}, {@code <=}, {@code >=}, {@code >}): the value is a bound,
 *                   not a measurement; empty when none
 */
public record LabResult(
        String analyte,
        String display,
        double value,
        String unit,
        Double upperLimit,
        LocalDate date,
        String reference,
        Double lowerLimit,
        Range range,
        String comparator) {

    /** A result more than this many days after the evaluation date is dated in the future (time zones allowed for). */
    static final int FUTURE_DAYS = 1;

    /** What the result's reference range gives the value. */
    public enum Range {
        /** Its limits are in the value's unit: {@code upperLimit} and {@code lowerLimit} hold them. */
        IN_VALUE_UNIT,
        /** The result has no reference range (or no limit). */
        NOT_RECORDED,
        /** A limit has no unit: it is not assumed to be in the value's unit, so the result cannot be judged. */
        WITHOUT_UNIT,
        /** A limit is in another unit than the value. */
        OTHER_UNIT,
        /** Ranges are recorded, but none applies to the patient (age, sex), or the patient's age or sex is unknown. */
        NONE_APPLIES,
        /** Several ranges apply to the patient and give different limits: no limit is taken. */
        RANGES_DISAGREE,
        /** The value is negative, which no count or chemistry can be: no limit is taken. */
        IMPLAUSIBLE
    }

    public LabResult {
        comparator = comparator == null ? "" : comparator;
    }

    /** A measured result (no comparator). */
    public LabResult(
            String analyte,
            String display,
            double value,
            String unit,
            Double upperLimit,
            LocalDate date,
            String reference,
            Double lowerLimit,
            Range range) {
        this(analyte, display, value, unit, upperLimit, date, reference, lowerLimit, range, "");
    }

    /** A result whose range, if any, gives the upper limit in the value's unit. */
    public LabResult(
            String analyte,
            String display,
            double value,
            String unit,
            Double upperLimit,
            LocalDate date,
            String reference) {
        this(
                analyte,
                display,
                value,
                unit,
                upperLimit,
                date,
                reference,
                null,
                upperLimit == null ? Range.NOT_RECORDED : Range.IN_VALUE_UNIT);
    }

    /** Whole days from the result's date to {@code asOf}; empty when the result has no date. */
    public Optional<Long> ageDays(LocalDate asOf) {
        return date == null ? Optional.empty() : Optional.of(ChronoUnit.DAYS.between(date, asOf));
    }

    /**
     * True when the result is dated, at most {@code days} old on {@code asOf} and not dated in the future; an undated
     * result is not recent.
     */
    public boolean isRecent(LocalDate asOf, int days) {
        return ageDays(asOf).map(age -> age <= days && age >= -FUTURE_DAYS).orElse(false);
    }

    /** True when the result is dated more than a day after {@code asOf} (a day allows for time zones). */
    public boolean isFutureDated(LocalDate asOf) {
        return ageDays(asOf).map(age -> age < -FUTURE_DAYS).orElse(false);
    }

    /** True when the value is a bound ({@code <0.2}), not a measurement. */
    public boolean censored() {
        return !comparator.isEmpty();
    }

    /** True for {@code <} and {@code <=}: the true value is at most {@code value}. */
    public boolean boundFromAbove() {
        return comparator.startsWith("<");
    }

    /** True for {@code >} and {@code >=}: the true value is at least {@code value}. */
    public boolean boundFromBelow() {
        return comparator.startsWith(">");
    }

    /**
     * The value as a multiple of the upper limit of normal, when the record gives one. A bound is judged only when it
     * is {@code <x} or {@code <=x} with x at most the ULN (then clearly within every ULN-based limit, which are all at
     * least 1 × ULN): the multiple of x is an upper bound; any other bound cannot be judged. Divided as the decimals
     * the lab wrote, so that a value on a label's limit is on it: 1.8 / 1.2 mg/dL is 1.5 × ULN, not the
     * 1.5000000000000002 of binary division, which would count as above 1.5.
     */
    public Optional<Double> timesUln() {
        if (upperLimit == null || upperLimit <= 0 || (censored() && !(boundFromAbove() && value <= upperLimit))) {
            return Optional.empty();
        }
        if (!Double.isFinite(value) || !Double.isFinite(upperLimit)) {
            return Optional.of(value / upperLimit);
        }
        return Optional.of(BigDecimal.valueOf(value)
                .divide(BigDecimal.valueOf(upperLimit), MathContext.DECIMAL64)
                .doubleValue());
    }

    /** A cell count per microlitre, from the units EHRs send (10*3/uL, 10*9/L, /uL). */
    public Optional<Double> perMicrolitre() {
        String u = unit.replace("µ", "u").replace(" ", "").replace("mm3", "uL").replace("mm^3", "uL");
        switch (u) {
            case "10*3/uL", "10^3/uL", "K/uL", "10*9/L", "10^9/L", "x10E3/uL", "10E3/uL", "10.e3/uL" -> {
                return Optional.of(value * 1000);
            }
            case "/uL", "1/uL", "cells/uL", "{cells}/uL" -> {
                return Optional.of(value);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** Haemoglobin in g/dL, from g/dL or g/L. */
    public Optional<Double> gramsPerDecilitre() {
        switch (unit.replace(" ", "")) {
            case "g/dL", "g/dl" -> {
                return Optional.of(value);
            }
            case "g/L" -> {
                return Optional.of(value / 10);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
