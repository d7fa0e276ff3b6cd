package org.sarcomacds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * Body surface area for dosing: Mosteller √(height cm × weight kg / 3600) from the latest height and weight in their
 * windows; else a recorded BSA measured within the weight window. Says why when neither can be had.
 */
final class BodySurfaceAreaCalculator {

    private final ClinicalParameters.BodySurfaceArea windows;
    private final LocalDate today;

    BodySurfaceAreaCalculator(ClinicalParameters.BodySurfaceArea windows, LocalDate today) {
        this.windows = windows;
        this.today = today;
    }

    /** The BSA, or null with the reason in {@code gap}. */
    Outcome calculate(Map<String, LabResult> latest) {
        LabResult height = latest.get(Concepts.HEIGHT);
        LabResult weight = latest.get(Concepts.WEIGHT);
        String heightProblem = problem("height", height, windows.heightMaxAgeDays());
        String weightProblem = problem("weight", weight, windows.weightMaxAgeDays());
        Double cm = height == null ? null : centimetres(height);
        Double kg = weight == null ? null : kilograms(weight);
        if (heightProblem == null && weightProblem == null && cm != null && kg != null) {
            double m2 = Math.round(Math.sqrt(cm * kg / 3600) * 100) / 100.0;
            String how = "Mosteller from height " + oneDecimal(cm) + " cm (" + height.date() + ") and weight "
                    + oneDecimal(kg) + " kg (" + weight.date() + ")";
            return new Outcome(new BodySurfaceArea(m2, how, List.of(height.reference(), weight.reference())), null);
        }
        LabResult recorded = latest.get(Concepts.BODY_SURFACE_AREA);
        if (problem("BSA", recorded, windows.weightMaxAgeDays()) == null && "m2".equals(recorded.unit())) {
            return new Outcome(
                    new BodySurfaceArea(
                            recorded.value(), "recorded BSA (" + recorded.date() + ")", List.of(recorded.reference())),
                    null);
        }
        String gap = heightProblem != null
                ? heightProblem
                : weightProblem != null
                        ? weightProblem
                        : "the unit of the height or weight is not one we read (cm, m, in; kg, g, lb)";
        return new Outcome(null, gap);
    }

    private String problem(String what, LabResult result, int maxAgeDays) {
        if (result == null) {
            return "no " + what + " in the record";
        }
        if (result.date() == null || ChronoUnit.DAYS.between(result.date(), today) > maxAgeDays) {
            return "the latest " + what + " (" + (result.date() == null ? "undated" : result.date())
                    + ") is older than " + maxAgeDays + " days";
        }
        return null;
    }

    private static Double centimetres(LabResult height) {
        switch (height.unit()) {
            case "cm" -> {
                return height.value();
            }
            case "m" -> {
                return height.value() * 100;
            }
            case "[in_i]", "in" -> {
                return height.value() * 2.54;
            }
            default -> {
                return null;
            }
        }
    }

    private static Double kilograms(LabResult weight) {
        switch (weight.unit()) {
            case "kg" -> {
                return weight.value();
            }
            case "g" -> {
                return weight.value() / 1000;
            }
            case "[lb_av]", "lb" -> {
                return weight.value() * 0.45359237;
            }
            default -> {
                return null;
            }
        }
    }

    private static String oneDecimal(double value) {
        return Numbers.plain(Math.round(value * 10) / 10.0);
    }

    record Outcome(BodySurfaceArea bsa, String gap) {}
}
