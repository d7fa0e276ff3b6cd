package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.junit.jupiter.api.Test;

/** The calendar date as written, whatever the precision and time zone. */
class DatesTest {

    @Test
    void theDateAsWrittenAtEveryPrecision() {
        assertThat(Dates.of(new DateTimeType("2026-11-24T23:52:00-05:00"))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Dates.of(new DateTimeType("2026-11-24T08:52:00Z"))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(Dates.of(new DateType("2024-02-29"))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Dates.of(new DateType("2026-11"))).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(Dates.of(new DateType("2026"))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void noDateIsNoDate() {
        assertThat(Dates.of(null)).isNull();
        assertThat(Dates.of(new DateTimeType())).isNull();
    }
}
