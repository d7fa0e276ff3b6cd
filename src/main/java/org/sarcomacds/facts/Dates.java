package org.sarcomacds.facts;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** Calendar dates as the record wrote them, without a time-zone shift; a year or month alone means its first day. */
final class Dates {

    private Dates() {}

    static LocalDate of(BaseDateTimeType value) {
        if (value == null || value.getValueAsString() == null) {
            return null;
        }
        String text = value.getValueAsString();
        try {
            if (text.length() >= 10) {
                return LocalDate.parse(text.substring(0, 10));
            }
            if (text.length() == 7) {
                return LocalDate.parse(text + "-01");
            }
            return text.length() == 4 ? LocalDate.parse(text + "-01-01") : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
