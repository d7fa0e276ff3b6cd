package org.sarcomacds.facts;

import java.time.LocalDate;

/**
 * An ECOG performance status result.
 *
 * @param score     the grade, 0 to 5
 * @param date      when it was assessed
 * @param reference the Observation, e.g. {@code Observation/abc}
 * @param matchedOn what was read, e.g. "LOINC 89247-1, value 3" or "LOINC 89262-0, answer LA9625-0"
 * @param recent    true when it is at most {@code ecog.validDays} old ({@code hooks/parameters.json})
 */
public record Ecog(int score, LocalDate date, String reference, String matchedOn, boolean recent) {}
