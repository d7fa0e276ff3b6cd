package org.sarcomacds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks every stored value passes: text the databases keep, outcome times they keep and that make sense. */
class StorableValuesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void ordinaryTextIsStorable() {
        assertThat(StorableValues.textProblem("3f2b9c1e-7d4a-4a8e-9f00-2b1c5d6e7f80", 128))
                .isNull();
        assertThat(StorableValues.textProblem("Tumourboard-Empfehlung \u00e9\u00e8 \ud83d\udc8a", 128))
                .as("accents and a pill emoji (a surrogate pair) are text")
                .isNull();
    }

    @Test
    void controlCharactersAreRefusedNulFirstOfAll() {
        for (String bad : List.of("a\u0000b", "\u0000", "tab\t", "cr\r", "lf\n", "del\u007f", "c1\u0085")) {
            assertThat(StorableValues.textProblem(bad, 128)).as(bad).isEqualTo("contains a control character");
        }
    }

    @Test
    void halfASurrogatePairIsRefused() {
        assertThat(StorableValues.textProblem("x\ud800", 128)).contains("Unicode");
        assertThat(StorableValues.textProblem("\udc00x", 128)).contains("Unicode");
        assertThat(StorableValues.textProblem("\ud800\ud800\udc00", 128)).contains("Unicode");
    }

    @Test
    void lengthIsBounded() {
        assertThat(StorableValues.textProblem("x".repeat(128), 128)).isNull();
        assertThat(StorableValues.textProblem("x".repeat(129), 128)).isEqualTo("is longer than 128 characters");
    }

    @Test
    void fhirInstantsWithinTheRangeAreStorable() {
        for (String ok : List.of(
                "2026-11-27T10:00:00Z",
                "2026-11-27T10:00:00.5Z",
                "2026-11-27T10:00:00.123456789Z",
                "2026-11-27T11:00:00+01:00",
                "2026-11-27T05:00:00-05:00",
                "2000-01-01T00:00:00Z",
                "2026-11-28T11:59:59Z")) {
            assertThat(StorableValues.instantProblem(ok, NOW)).as(ok).isNull();
        }
    }

    @Test
    void whatIsNotAFhirInstantIsRefused() {
        for (String bad : List.of(
                "+300000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "2026-11-27T10:00Z",
                "2026-11-27T10:00:00",
                "2026-11-27 10:00:00Z",
                "2026-11-27t10:00:00z",
                "2026-11-27T10:00:00.1234567890Z",
                "2026-11-27T10:00:00+15:00",
                "2026-11-27")) {
            assertThat(StorableValues.instantProblem(bad, NOW)).as(bad).contains("FHIR instant");
        }
    }

    @Test
    void impossibleDatesAreRefused() {
        assertThat(StorableValues.instantProblem("2026-02-30T10:00:00Z", NOW)).isEqualTo("is not a real date and time");
    }

    @Test
    void timesBefore2000OrMoreThanADayAheadAreRefused() {
        assertThat(StorableValues.instantProblem("1999-12-31T23:59:59Z", NOW)).contains("must lie between");
        assertThat(StorableValues.instantProblem("2026-11-28T12:00:01Z", NOW)).contains("must lie between");
        assertThat(StorableValues.instantProblem("9999-12-31T23:59:59Z", NOW)).contains("must lie between");
    }

    @Test
    void clippingNeverSplitsASurrogatePair() {
        String pill = "\ud83d\udc8a";
        assertThat(StorableValues.clip("ab" + pill, 3)).isEqualTo("ab");
        assertThat(StorableValues.clip("ab" + pill, 4)).isEqualTo("ab" + pill);
        assertThat(StorableValues.clip("abcdef", 4)).isEqualTo("abcd");
        assertThat(StorableValues.clip("abc", 4)).isEqualTo("abc");
    }
}
