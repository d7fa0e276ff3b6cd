package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sarcomacds.facts.BodyProblem.Kind;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * Judges the latest height and weight (and the weight before) against the bounds and windows of {@code body} in
 * {@code hooks/parameters.json}, and calculates the body surface area by Mosteller, √(height cm × weight kg / 3600),
 * only when nothing is wrong. A value is judged in the unit it is recorded in: a height of 1.72 with unit cm is an
 * implausible height, never silently read as metres.
 */
final class BodyMeasurer {

    private final ClinicalParameters.Body limits;
    private final LocalDate today;

    BodyMeasurer(ClinicalParameters.Body limits, LocalDate today) {
        this.limits = limits;
        this.today = today;
    }

    /**
     * @param height         the latest height, or null
     * @param weight         the latest weight, or null
     * @param previousWeight the weight before it, or null
     * @param recordedBsa    the latest recorded body surface area, or null
     */
    BodyMeasurements measure(LabResult height, LabResult weight, LabResult previousWeight, LabResult recordedBsa) {
        List<BodyProblem> problems = new ArrayList<>();
        Double cm = judge(
                height,
                Kind.MISSING_HEIGHT,
                Kind.IMPLAUSIBLE_HEIGHT,
                Kind.STALE_HEIGHT,
                limits.heightCm(),
                limits.heightValidDays(),
                problems);
        Double kg = judge(
                weight,
                Kind.MISSING_WEIGHT,
                Kind.IMPLAUSIBLE_WEIGHT,
                Kind.STALE_WEIGHT,
                limits.weightKg(),
                limits.weightValidDays(),
                problems);
        Double before = previousWeight == null ? null : kilograms(previousWeight);
        if (kg != null
                && before != null
                && limits.weightKg().contains(kg)
                && limits.weightKg().contains(before)) {
            double percent = Math.round(Math.abs(kg - before) / before * 1000) / 10.0;
            if (percent > limits.weightChangeMaxPercent()) {
                problems.add(
                        BodyProblem.weightChange(weight, previousWeight, percent, limits.weightChangeMaxPercent()));
            }
        }
        Optional<BodySurfaceArea> bsa = Optional.empty();
        if (problems.isEmpty()) {
            double m2 = Math.round(Math.sqrt(cm * kg / 3600) * 100) / 100.0;
            String how = "Mosteller from height " + oneDecimal(cm) + " cm (" + height.date() + ") and weight "
                    + oneDecimal(kg) + " kg (" + weight.date() + ")";
            bsa = inRange(
                    new BodySurfaceArea(m2, how, List.of(height.reference(), weight.reference())), null, problems);
        } else if (onlyMissing(problems) && usable(recordedBsa)) {
            BodySurfaceArea recorded = new BodySurfaceArea(
                    recordedBsa.value(), "recorded BSA (" + recordedBsa.date() + ")", List.of(recordedBsa.reference()));
            List<BodyProblem> bsaProblems = new ArrayList<>();
            bsa = inRange(recorded, recordedBsa, bsaProblems);
            if (bsa.isPresent()) {
                problems.clear();
            } else {
                problems.addAll(bsaProblems);
            }
        }
        return new BodyMeasurements(
                Optional.ofNullable(height),
                Optional.ofNullable(weight),
                Optional.ofNullable(previousWeight),
                bsa,
                problems);
    }

    /** The value in cm or kg when the measurement is present, read, plausible and recent; else null, with problems. */
    private Double judge(
            LabResult result,
            Kind missing,
            Kind implausible,
            Kind stale,
            ClinicalParameters.Range range,
            int validDays,
            List<BodyProblem> problems) {
        if (result == null) {
            problems.add(BodyProblem.missing(missing));
            return null;
        }
        Double value = missing == Kind.MISSING_HEIGHT ? centimetres(result) : kilograms(result);
        boolean good = true;
        if (value == null) {
            problems.add(BodyProblem.unitNotRead(result));
            good = false;
        } else if (!range.contains(value)) {
            problems.add(BodyProblem.implausible(
                    implausible, result, value, value < range.min() ? range.min() : range.max()));
            good = false;
        }
        if (result.isFutureDated(today)) {
            problems.add(BodyProblem.futureDated(result));
            good = false;
        } else if (!result.isRecent(today, validDays)) {
            problems.add(BodyProblem.stale(stale, result, validDays));
            good = false;
        }
        return good ? value : null;
    }

    private Optional<BodySurfaceArea> inRange(BodySurfaceArea bsa, LabResult recorded, List<BodyProblem> problems) {
        ClinicalParameters.Range range = limits.bsaM2();
        if (range.contains(bsa.squareMetres())) {
            return Optional.of(bsa);
        }
        double bound = bsa.squareMetres() < range.min() ? range.min() : range.max();
        problems.add(BodyProblem.implausible(Kind.IMPLAUSIBLE_BSA, recorded, bsa.squareMetres(), bound));
        return Optional.empty();
    }

    private static boolean onlyMissing(List<BodyProblem> problems) {
        return problems.stream().allMatch(p -> p.kind() == Kind.MISSING_HEIGHT || p.kind() == Kind.MISSING_WEIGHT);
    }

    /** A recorded BSA stands in for a missing height or weight when it is in m2 and within the weight window. */
    private boolean usable(LabResult recorded) {
        return recorded != null && "m2".equals(recorded.unit()) && recorded.isRecent(today, limits.weightValidDays());
    }

    static Double centimetres(LabResult height) {
        return switch (height.unit()) {
            case "cm" -> height.value();
            case "m" -> height.value() * 100;
            case "[in_i]", "in" -> height.value() * 2.54;
            default -> null;
        };
    }

    static Double kilograms(LabResult weight) {
        return switch (weight.unit()) {
            case "kg" -> weight.value();
            case "g" -> weight.value() / 1000;
            case "[lb_av]", "lb" -> weight.value() * 0.45359237;
            default -> null;
        };
    }

    private static String oneDecimal(double value) {
        return Numbers.plain(Math.round(value * 10) / 10.0);
    }
}
