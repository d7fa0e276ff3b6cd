package org.sarcomacds.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;

/**
 * What the service knows of one patient for one hook call, gathered from prefetch and the EHR's FHIR server.
 *
 * @param medications Medications by relative reference ({@code Medication/id}), for resolving medicationReference
 * @param gaps        optional data that could not be had, in words a clinician can read on a card
 */
public record PatientRecord(
        Optional<Patient> patient,
        List<Condition> conditions,
        List<MedicationStatement> medicationStatements,
        List<MedicationRequest> medicationRequests,
        Map<String, Medication> medications,
        List<Observation> observations,
        List<String> gaps) {

    public PatientRecord {
        conditions = List.copyOf(conditions);
        medicationStatements = List.copyOf(medicationStatements);
        medicationRequests = List.copyOf(medicationRequests);
        medications = Map.copyOf(medications);
        observations = List.copyOf(observations);
        gaps = List.copyOf(gaps);
    }
}
