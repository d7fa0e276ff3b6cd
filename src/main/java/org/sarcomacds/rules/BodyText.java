package org.sarcomacds.rules;

import java.util.Optional;
import org.sarcomacds.facts.BodyMeasurements;
import org.sarcomacds.facts.BodyProblem;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.text.Numbers;

/**
 * Why there is no BSA, as a card says it: every problem of {@link BodyMeasurements} (which value is missing,
 * implausible or stale, and how), in the words of {@code body.*}.
 */
final class BodyText {

    private BodyText() {}

    /** Every problem, on one line; empty when there is none. */
    static Optional<Text.Inline> problems(BodyMeasurements body) {
        return body.problems().isEmpty()
                ? Optional.empty()
                : Optional.of(new Text.Inline(
                        body.problems().stream().<Object>map(BodyText::of).toList()));
    }

    private static Text of(BodyProblem problem) {
        return switch (problem.kind()) {
            case MISSING_HEIGHT -> Phrase.BODY_MISSING_HEIGHT.text();
            case MISSING_WEIGHT -> Phrase.BODY_MISSING_WEIGHT.text();
            case UNIT_NOT_READ -> Phrase.BODY_UNIT_NOT_READ.with("measure", measure(problem));
            case IMPLAUSIBLE_HEIGHT, IMPLAUSIBLE_WEIGHT ->
                Phrase.BODY_IMPLAUSIBLE.with(
                        "measure",
                        measure(problem),
                        "value",
                        Numbers.plain(problem.result().value()),
                        "unit",
                        problem.result().unit());
            case IMPLAUSIBLE_BSA -> Phrase.BODY_IMPLAUSIBLE_BSA.with("value", Numbers.plain(problem.converted()));
            case WEIGHT_CHANGE ->
                Phrase.BODY_WEIGHT_CHANGE.with(
                        "percent",
                        Numbers.plain(problem.percent()),
                        "since",
                        dateOf(problem.previous().date()));
            case FUTURE_DATED ->
                Phrase.BODY_FUTURE.with(
                        "measure",
                        measure(problem),
                        "date",
                        dateOf(problem.result().date()));
            case STALE_HEIGHT, STALE_WEIGHT ->
                Phrase.BODY_STALE.with(
                        "measure",
                        measure(problem),
                        "date",
                        dateOf(problem.result().date()),
                        "days",
                        String.valueOf(problem.windowDays()));
        };
    }

    private static Object dateOf(java.time.LocalDate date) {
        return date == null ? Phrase.BODY_UNDATED.text() : date.toString();
    }

    private static Text measure(BodyProblem problem) {
        return Concepts.HEIGHT.equals(problem.result().analyte())
                ? Phrase.MEASURE_HEIGHT.text()
                : Phrase.MEASURE_WEIGHT.text();
    }
}
