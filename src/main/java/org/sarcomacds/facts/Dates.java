package org.sarcomacds.facts;

import java.time.DateTimeException;
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
        if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            return date(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        }
        if (text.length() == 7 && text.charAt(4) == '-') {
            return date(number(text, 0, 4), number(text, 5, 7), 1);
        }
        return text.length() == 4 ? date(number(text, 0, 4), 1, 1) : null;
    }

    /** Read digit by digit: {@code LocalDate.parse} builds a formatter's parse state for every date of a chart. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static LocalDate date(int year, int month, int day) {
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
