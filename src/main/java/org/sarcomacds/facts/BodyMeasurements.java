package org.sarcomacds.facts;

import java.util.List;
import java.util.Optional;

/**
 * The height and weight a dose may be calculated from, and the body surface area when they allow one.
 *
 * @param height         the latest height
 * @param weight         the latest weight
 * @param previousWeight the weight before it
 * @param bsa            Mosteller from a plausible, recent height and weight whose change is within the limit, in
 *                       range; else (height or weight missing only) a recent recorded BSA in range; else empty
 * @param problems       why there is no BSA, each with its values; empty when there is one
 */
public record BodyMeasurements(
        Optional<LabResult> height,
        Optional<LabResult> weight,
        Optional<LabResult> previousWeight,
        Optional<BodySurfaceArea> bsa,
        List<BodyProblem> problems) {

    public BodyMeasurements {
        problems = List.copyOf(problems);
    }

    /** Measurements known only by their outcome: a BSA, or none for the reason given (tests and older callers). */
    public static BodyMeasurements of(BodySurfaceArea bsa, BodyProblem.Kind missing) {
        return new BodyMeasurements(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(bsa),
                bsa == null ? List.of(BodyProblem.missing(missing)) : List.of());
    }
}
