package org.sarcomacds.facts;

/**
 * Why a height, weight or body surface area cannot give a dose, with the values a card needs.
 *
 * @param kind       what is wrong
 * @param result     the measurement concerned (value, unit, date, reference as recorded); null for a missing one and
 *                   for a calculated BSA
 * @param converted  the value as judged, in cm, kg or m² (e.g. 1.72 for a height of "1.72 cm", 816.5 for 1800 [lb_av])
 * @param bound      the bound it breaks, in cm, kg or m², or the limit of the weight change in percent
 * @param previous   for a weight change: the weight before
 * @param percent    for a weight change: the change in percent of the weight before, rounded to 0.1
 * @param windowDays for a stale measurement: the window it is older than
 */
public record BodyProblem(
        Kind kind,
        LabResult result,
        Double converted,
        Double bound,
        LabResult previous,
        Double percent,
        Integer windowDays) {

    public enum Kind {
        MISSING_HEIGHT,
        MISSING_WEIGHT,
        /** A height or weight in a unit we do not read (we read cm, m, [in_i]/in; kg, g, [lb_av]/lb). */
        UNIT_NOT_READ,
        IMPLAUSIBLE_HEIGHT,
        IMPLAUSIBLE_WEIGHT,
        IMPLAUSIBLE_BSA,
        /** The latest weight differs from the one before by more than {@code body.weightChangeMaxPercent}. */
        WEIGHT_CHANGE,
        /** Older than {@code body.heightValidDays}, or undated. */
        STALE_HEIGHT,
        /** Older than {@code body.weightValidDays}, or undated. */
        STALE_WEIGHT,
        /** A height or weight dated more than a day after the evaluation date: the record is wrong somewhere. */
        FUTURE_DATED
    }

    static BodyProblem missing(Kind kind) {
        return new BodyProblem(kind, null, null, null, null, null, null);
    }

    static BodyProblem unitNotRead(LabResult result) {
        return new BodyProblem(Kind.UNIT_NOT_READ, result, null, null, null, null, null);
    }

    static BodyProblem implausible(Kind kind, LabResult result, double converted, double bound) {
        return new BodyProblem(kind, result, converted, bound, null, null, null);
    }

    static BodyProblem stale(Kind kind, LabResult result, int windowDays) {
        return new BodyProblem(kind, result, null, null, null, null, windowDays);
    }

    static BodyProblem futureDated(LabResult result) {
        return new BodyProblem(Kind.FUTURE_DATED, result, null, null, null, null, null);
    }

    static BodyProblem weightChange(LabResult weight, LabResult previous, double percent, double limit) {
        return new BodyProblem(Kind.WEIGHT_CHANGE, weight, null, limit, previous, percent, null);
    }
}
