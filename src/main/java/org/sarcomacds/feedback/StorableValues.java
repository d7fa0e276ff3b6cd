package org.sarcomacds.feedback;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * What the feedback store can keep. Every value a client sends is checked here before it is stored or queued, so a
 * value the database would refuse (PostgreSQL refuses NUL in text, and years beyond 294276) is a 400 naming it,
 * never a failed write that a client is told to send again, and never part of another call's batch.
 */
public final class StorableValues {

    /** Card ids, reason codes, service ids and hook instances: the store's {@code VARCHAR(128)} columns. */
    public static final int MAX_ID_LENGTH = 128;
    /** Outcome times before this are not feedback on a card this service issued. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of this server's clock an outcome time may be: clocks drift, feedback is not sent in advance. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    /**
     * FHIR's {@code instant}: seconds required, a {@code Z} or {@code ±hh:mm} offset required, at most nanoseconds
     * (FHIR R4's regular expression, the fraction bounded to what Java keeps).
     */
    private static final Pattern FHIR_INSTANT = Pattern.compile(
            "([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
                    + "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?"
                    + "(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");

    private StorableValues() {}

    /**
     * Why this text cannot be stored, or null when it can: a control character (NUL included), half of a surrogate
     * pair (not Unicode text), or more than {@code maxLength} characters.
     */
    public static String textProblem(String value, int maxLength) {
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "contains a control character";
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode text (half a surrogate pair)";
            }
        }
        return null;
    }

    /** Why this outcome time cannot be stored, or null: not a FHIR instant, or outside [2000, now + 1 day]. */
    public static String instantProblem(String value, Instant now) {
        if (!FHIR_INSTANT.matcher(value).matches()) {
            return "must be a FHIR instant: ISO 8601 with seconds and Z or an offset, such as 2026-11-27T10:00:00Z";
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            return "is not a real date and time";
        }
        if (at.isBefore(EARLIEST) || at.isAfter(now.plus(MAX_AHEAD))) {
            return "must lie between " + EARLIEST + " and one day after this server's time";
        }
        return null;
    }

    /** Why the cards of this hook call cannot be stored, or null (checked before they are queued). */
    static String problem(IssuedCards issued) {
        String problem = textProblem(issued.serviceId(), MAX_ID_LENGTH);
        if (problem != null) {
            return "the service id " + problem;
        }
        // hookInstance is clipped to the column (clip), so only its characters can make it unstorable
        problem = textProblem(issued.hookInstance(), Integer.MAX_VALUE);
        return problem == null ? null : "the hookInstance " + problem;
    }

    /** The first {@code max} characters, never ending in half of a surrogate pair. */
    static String clip(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }
}
