package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The latest result of one lab test or body measurement.
 *
 * @param analyte    the value set id, e.g. {@code obs-bilirubin-total}
 * @param display    the test's name in the record
 * @param value      the value in {@code unit}
 * @param unit       UCUM code or unit text as recorded
 * @param upperLimit {@code referenceRange.high} in the same unit, when recorded (the ULN)
 * @param date       when it was measured
 * @param reference  the Observation, e.g. {@code Observation/abc}
 */
public record LabResult(
        String analyte,
        String display,
        double value,
        String unit,
        Double upperLimit,
        LocalDate date,
        String reference) {

    /** The value as a multiple of the upper limit of normal, when the record gives one. */
    public Optional<Double> timesUln() {
        return upperLimit == null || upperLimit <= 0 ? Optional.empty() : Optional.of(value / upperLimit);
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
