package org.sarcomacds.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Collects resources from every prefetch key and fetch, once each, sorted by what the rules read. Resources about
 * another patient than the hook's are dropped: a card must never rest on someone else's record.
 */
final class RecordBuilder {

    /**
     * What the record stage reads: the Bundle's entries and paging link, the subject of each patient-linked resource
     * (data about another patient is dropped), and the Medication a medication use references.
     */
    static final List<ReadElements> READS = List.of(
            ReadElements.of("Bundle", "entry", "link"),
            ReadElements.of("Patient", "id"),
            ReadElements.of("Condition", "id", "subject"),
            ReadElements.of("Observation", "id", "subject"),
            ReadElements.of("MedicationStatement", "id", "subject", "medication[x]"),
            ReadElements.of("MedicationRequest", "id", "subject", "medication[x]"),
            ReadElements.of("Medication", "id"));

    private final String patientId;
    private final Map<String, Resource> byReference = new LinkedHashMap<>();
    private final List<String> gaps = new ArrayList<>();
    private int otherPatients;

    RecordBuilder(String patientId) {
        this.patientId = patientId;
    }

    void addAll(List<Resource> resources) {
        for (Resource resource : resources) {
            if (isAboutAnotherPatient(resource)) {
                otherPatients++;
            } else {
                byReference.putIfAbsent(reference(resource), resource);
            }
        }
    }

    private boolean isAboutAnotherPatient(Resource resource) {
        String patient = null;
        if (resource instanceof Patient p) {
            patient = "Patient/" + p.getIdElement().getIdPart();
        } else if (resource instanceof Condition c) {
            patient = c.getSubject().getReference();
        } else if (resource instanceof MedicationStatement s) {
            patient = s.getSubject().getReference();
        } else if (resource instanceof MedicationRequest r) {
            patient = r.getSubject().getReference();
        } else if (resource instanceof Observation o) {
            patient = o.getSubject().getReference();
        }
        return patient != null && !patient.equals("Patient/" + patientId) && !patient.endsWith("/Patient/" + patientId);
    }

    void addGap(String gap) {
        gaps.add(gap);
    }

    /** {@code Medication/x} references of medication resources that are neither contained nor at hand. */
    List<String> unresolvedMedicationReferences() {
        List<String> unresolved = new ArrayList<>();
        for (Resource resource : byReference.values()) {
            Reference ref = medicationReference(resource);
            MedicationReferences.relative(ref == null ? null : ref.getReference())
                    .filter(value -> !byReference.containsKey(value) && !unresolved.contains(value))
                    .ifPresent(unresolved::add);
        }
        return unresolved;
    }

    PatientRecord build(List<String> unavailable) {
        List<String> allGaps = new ArrayList<>(unavailable);
        allGaps.addAll(gaps);
        if (otherPatients > 0) {
            allGaps.add(otherPatients + " resource(s) about a patient other than the one in context were ignored");
        }
        Map<String, Medication> medications = new LinkedHashMap<>();
        byReference.forEach((ref, resource) -> {
            if (resource instanceof Medication medication) {
                medications.put(ref, medication);
            }
        });
        return new PatientRecord(
                Optional.ofNullable(first(Patient.class)),
                all(Condition.class),
                all(MedicationStatement.class),
                all(MedicationRequest.class),
                medications,
                all(Observation.class),
                allGaps);
    }

    private <T extends Resource> List<T> all(Class<T> type) {
        return byReference.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private <T extends Resource> T first(Class<T> type) {
        List<T> found = all(type);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Reference medicationReference(Resource resource) {
        if (resource instanceof MedicationStatement statement && statement.hasMedicationReference()) {
            return statement.getMedicationReference();
        }
        if (resource instanceof MedicationRequest request && request.hasMedicationReference()) {
            return request.getMedicationReference();
        }
        return null;
    }

    private static String reference(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        String type = resource.fhirType();
        return id == null ? type + "/" + System.identityHashCode(resource) : type + "/" + id;
    }
}
