package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.sarcomacds.record.ReadElements;

/**
 * What reference ranges restrict by: the patient's administrative sex and birth date.
 *
 * @param sex       male or female; null when the record says neither (other, unknown or missing)
 * @param birthDate null when the record has none
 */
record Demographics(AdministrativeGender sex, LocalDate birthDate) {

    static final ReadElements READS = ReadElements.of("Patient", "gender", "birthDate");

    static final Demographics UNKNOWN = new Demographics(null, null);

    static Demographics of(Optional<Patient> patient) {
        return patient.map(p -> {
                    AdministrativeGender gender = p.getGender();
                    boolean known = gender == AdministrativeGender.MALE || gender == AdministrativeGender.FEMALE;
                    return new Demographics(
                            known ? gender : null, p.hasBirthDateElement() ? Dates.of(p.getBirthDateElement()) : null);
                })
                .orElse(UNKNOWN);
    }
}
