package org.sarcomacds.facts;

import java.time.LocalDate;

/**
 * What the record says about pregnancy: the latest relevant result within {@code pregnancy.lookbackDays}.
 *
 * @param pregnant  true for pregnant (or a positive hCG), false for not pregnant (or a negative hCG) and for an hCG
 *                  that cannot be judged
 * @param date      when the result was taken
 * @param reference the Observation, e.g. {@code Observation/abc}
 * @param display   the test's name in the record
 * @param how       what in the result said so
 */
public record Pregnancy(
        boolean pregnant, LocalDate date, String reference, String display, How how, boolean patientRecordedMale) {

    public Pregnancy(boolean pregnant, LocalDate date, String reference, String display, How how) {
        this(pregnant, date, reference, display, how, false);
    }

    /** The same result, for a patient whose record gives the sex as male: the record conflicts, and the card says so. */
    Pregnancy forMalePatient() {
        return new Pregnancy(pregnant, date, reference, display, how, true);
    }

    public enum How {
        /** Pregnancy status 82810-3 answered pregnant (SNOMED 77386006) or not pregnant (60001007). */
        STATUS_ANSWER,
        /** An hCG result's interpretation: POS/H/HH/A positive, NEG/N negative. */
        HCG_INTERPRETATION,
        /** A quantitative hCG above (or at or below) its reference range's upper limit in the same unit. */
        HCG_ABOVE_RANGE,
        /** A qualitative hCG read by its words ("positive", "detected"): a match by words, said on the card. */
        HCG_WORDS,
        /**
         * A quantitative hCG with no upper limit that applies in its unit (no range, a range in words only, another
         * unit), a negative value, or a bound across the limit: neither positive nor negative, so it cannot be judged.
         */
        HCG_NOT_JUDGED
    }

    /** True when the result says pregnant or not; false for an hCG that cannot be judged. */
    public boolean judged() {
        return how != How.HCG_NOT_JUDGED;
    }

    /** True when only words of a qualitative result said so: the card says the match was by words. */
    public boolean byWords() {
        return how == How.HCG_WORDS;
    }
}
