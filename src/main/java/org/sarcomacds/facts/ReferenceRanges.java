package org.sarcomacds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;

/**
 * The reference ranges of a result that apply to the patient. A range whose {@code age} excludes the patient's age on
 * the result's date, or whose {@code appliesTo} names the other sex, is set aside; so is one restricted by age or sex
 * when the patient's age or sex is unknown (it cannot be shown to apply). Of the rest, the ranges that fit the patient
 * (restricted, and the restriction holds) and the unrestricted ones apply; ranges restricted by something else (e.g.
 * "pre-puberty") count only when no range fits and none is unrestricted. Several that apply with different limits in
 * the value's unit give no limit ({@code ObservationReader}): the result cannot be judged, never on the first range.
 */
final class ReferenceRanges {

    private static final Set<String> SEX_SYSTEMS = Set.of(
            "http://snomed.info/sct",
            "http://hl7.org/fhir/administrative-gender",
            "http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender");
    private static final Set<String> MALE_CODES = Set.of("248153007", "male", "M");
    private static final Set<String> FEMALE_CODES = Set.of("248152002", "female", "F");

    private ReferenceRanges() {}

    /**
     * The ranges that apply, or why none does. Their limits in the value's unit must agree (the caller checks): the
     * same range given in two units is one range, two different limits in one unit are a disagreement.
     */
    record Choice(List<ObservationReferenceRangeComponent> ranges, LabResult.Range problem) {}

    static Choice choose(List<ObservationReferenceRangeComponent> all, Demographics patient, LocalDate date) {
        if (all.isEmpty()) {
            return new Choice(List.of(), null);
        }
        List<ObservationReferenceRangeComponent> fitting = new ArrayList<>();
        List<ObservationReferenceRangeComponent> unchecked = new ArrayList<>();
        for (ObservationReferenceRangeComponent range : all) {
            switch (fit(range, patient, date)) {
                case APPLIES -> fitting.add(range);
                case UNCHECKED -> unchecked.add(range);
                case EXCLUDED -> {
                    // for another age or sex, or one we cannot place the patient in
                }
            }
        }
        List<ObservationReferenceRangeComponent> applying = fitting.isEmpty() ? unchecked : fitting;
        return applying.isEmpty()
                ? new Choice(List.of(), LabResult.Range.NONE_APPLIES)
                : new Choice(List.copyOf(applying), null);
    }

    private enum Fit {
        APPLIES,
        EXCLUDED,
        /** Restricted by something other than age or sex, which is not read. */
        UNCHECKED
    }

    private static Fit fit(ObservationReferenceRangeComponent range, Demographics patient, LocalDate date) {
        if (range.hasAge() && !ageFits(range.getAge(), patient.birthDate(), date)) {
            return Fit.EXCLUDED;
        }
        boolean otherRestriction = false;
        for (CodeableConcept appliesTo : range.getAppliesTo()) {
            AdministrativeGender sex = sex(appliesTo);
            if (sex == null) {
                otherRestriction = true;
            } else if (sex != patient.sex()) {
                return Fit.EXCLUDED;
            }
        }
        return otherRestriction ? Fit.UNCHECKED : Fit.APPLIES;
    }

    /** The sex a concept names: SNOMED CT, HL7 administrative gender (either code system) or the words. */
    static AdministrativeGender sex(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            String code = coding.getCode();
            if (code == null || (coding.hasSystem() && !SEX_SYSTEMS.contains(coding.getSystem()))) {
                continue;
            }
            if (MALE_CODES.contains(code)) {
                return AdministrativeGender.MALE;
            }
            if (FEMALE_CODES.contains(code)) {
                return AdministrativeGender.FEMALE;
            }
        }
        String text = concept.hasText() ? concept.getText() : Displays.of(concept, "");
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "male", "males", "men", "man" -> AdministrativeGender.MALE;
            case "female", "females", "women", "woman" -> AdministrativeGender.FEMALE;
            default -> null;
        };
    }

    /** True when the patient's age on {@code date} is within the range; false when it cannot be told. */
    private static boolean ageFits(Range age, LocalDate birthDate, LocalDate date) {
        if (birthDate == null || date == null || date.isBefore(birthDate)) {
            return false;
        }
        return (!age.hasLow() || atLeast(age.getLow(), birthDate, date))
                && (!age.hasHigh() || atMost(age.getHigh(), birthDate, date));
    }

    private static boolean atLeast(Quantity bound, LocalDate birthDate, LocalDate date) {
        Long age = age(bound, birthDate, date);
        return age != null && bound.hasValue() && age >= bound.getValue().doubleValue();
    }

    private static boolean atMost(Quantity bound, LocalDate birthDate, LocalDate date) {
        Long age = age(bound, birthDate, date);
        return age != null && bound.hasValue() && age <= bound.getValue().doubleValue();
    }

    /** The patient's age in completed units of the bound (UCUM a, mo, wk, d, or the words); null for another unit. */
    private static Long age(Quantity bound, LocalDate birthDate, LocalDate date) {
        String unit = bound.hasCode() ? bound.getCode() : bound.hasUnit() ? bound.getUnit() : "";
        ChronoUnit in = switch (unit.strip().toLowerCase(Locale.ROOT)) {
            case "a", "yr", "yrs", "year", "years", "y" -> ChronoUnit.YEARS;
            case "mo", "month", "months" -> ChronoUnit.MONTHS;
            case "wk", "week", "weeks" -> ChronoUnit.WEEKS;
            case "d", "day", "days" -> ChronoUnit.DAYS;
            default -> null;
        };
        return in == null ? null : in.between(birthDate, date);
    }
}
