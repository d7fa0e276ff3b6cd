package org.sarcomacds.rules;

import org.sarcomacds.facts.BodyMeasurements;
import org.sarcomacds.facts.BodyProblem;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.text.Numbers;

/**
 * Why there is no BSA, in the short words the trabectedin card has used for "BSA unknown (…)": the first problem of
 * {@link BodyMeasurements}. Until the card texts name each problem themselves (issue 12, card variants).
 */
final class BodyText {

    private BodyText() {}

    static String gap(BodyMeasurements body) {
        return body.problems().isEmpty() ? "" : of(body.problems().getFirst());
    }

    private static String of(BodyProblem problem) {
        return switch (problem.kind()) {
            case MISSING_HEIGHT -> "no height in the record";
            case MISSING_WEIGHT -> "no weight in the record";
            case UNIT_NOT_READ -> "the unit of the " + measure(problem) + " is not one we read (cm, m, in; kg, g, lb)";
            case IMPLAUSIBLE_HEIGHT, IMPLAUSIBLE_WEIGHT ->
                "the latest " + measure(problem) + " ("
                        + Numbers.plain(problem.result().value()) + " "
                        + problem.result().unit() + ") is not plausible";
            case IMPLAUSIBLE_BSA ->
                "the body surface area (" + Numbers.plain(problem.converted()) + " m²) is not plausible";
            case WEIGHT_CHANGE ->
                "the weight changed by " + Numbers.plain(problem.percent()) + "% since "
                        + problem.previous().date();
            case STALE_HEIGHT, STALE_WEIGHT ->
                "the latest " + measure(problem) + " ("
                        + (problem.result().date() == null
                                ? "undated"
                                : problem.result().date()) + ") is older than "
                        + problem.windowDays() + " days";
        };
    }

    private static String measure(BodyProblem problem) {
        return Concepts.HEIGHT.equals(problem.result().analyte()) ? "height" : "weight";
    }
}
