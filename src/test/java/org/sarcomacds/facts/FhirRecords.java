package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.knowledge.ClinicalSettings;
import org.sarcomacds.knowledge.EvaluationDate;
import org.sarcomacds.record.PatientRecord;

/** HAPI R4 records for facts tests, read through the real value sets and concept maps on a fixed date. */
final class FhirRecords {

    static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    static final String SNOMED = "http://snomed.info/sct";
    static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    static final String LOINC = "http://loinc.org";
    static final String LOCAL = "urn:oid:1.2.840.114350.1.13.0.1.7.2.698288";
    static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final FactExtractor EXTRACTOR = new FactExtractor(
            new Terminology(FHIR),
            new ProductIngredients(FHIR),
            ClinicalParameters.load(),
            new EvaluationDate(new ClinicalSettings(TODAY)));

    private final List<Condition> conditions = new ArrayList<>();
    private final List<MedicationStatement> statements = new ArrayList<>();
    private final List<MedicationRequest> requests = new ArrayList<>();
    private final Map<String, Medication> medications = new java.util.HashMap<>();
    private final List<Observation> observations = new ArrayList<>();
    private final Bundle drafts = new Bundle().setType(Bundle.BundleType.COLLECTION);
    private Patient patient;

    static FhirRecords record() {
        return new FhirRecords();
    }

    FhirRecords with(Condition... more) {
        conditions.addAll(Arrays.asList(more));
        return this;
    }

    FhirRecords with(MedicationStatement... more) {
        statements.addAll(Arrays.asList(more));
        return this;
    }

    FhirRecords with(MedicationRequest... more) {
        requests.addAll(Arrays.asList(more));
        return this;
    }

    FhirRecords with(Observation... more) {
        observations.addAll(Arrays.asList(more));
        return this;
    }

    /** The Patient resource, with its sex and birth date ({@code gender} null for none). */
    FhirRecords patient(String gender, LocalDate birthDate) {
        patient = new Patient();
        patient.setId("p");
        if (gender != null) {
            patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.fromCode(gender));
        }
        if (birthDate != null) {
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate.toString()));
        }
        return this;
    }

    /** Draft orders, as a hook's {@code context.draftOrders}. */
    FhirRecords withDrafts(MedicationRequest... more) {
        Arrays.stream(more).forEach(d -> drafts.addEntry().setResource(d));
        return this;
    }

    FhirRecords with(String reference, Medication medication) {
        medications.put(reference, medication);
        return this;
    }

    PatientFacts facts() {
        return EXTRACTOR.extract(
                new PatientRecord(
                        Optional.ofNullable(patient),
                        conditions,
                        statements,
                        requests,
                        medications,
                        observations,
                        List.of()),
                drafts.hasEntry() ? Hook.ORDER_SIGN : Hook.PATIENT_VIEW,
                drafts,
                List.of());
    }

    static Condition condition(String id, CodeableConcept code) {
        Condition condition = new Condition();
        condition.setId(id);
        condition.setClinicalStatus(concept(CLINICAL, "active", null));
        condition.setVerificationStatus(concept(VERIFICATION, "confirmed", null));
        condition.setCode(code);
        condition.setSubject(new Reference("Patient/p1"));
        return condition;
    }

    static MedicationStatement statement(String id, String status, Type medication) {
        MedicationStatement statement = new MedicationStatement();
        statement.setId(id);
        statement.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(status));
        statement.setMedication(medication);
        statement.setSubject(new Reference("Patient/p1"));
        return statement;
    }

    static MedicationRequest request(String id, String status, Type medication) {
        MedicationRequest request = new MedicationRequest();
        request.setId(id);
        request.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(status));
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(medication);
        request.setSubject(new Reference("Patient/p1"));
        return request;
    }

    /** A final Observation with a quantity, taken on {@code date}; {@code high} is the reference range's upper limit. */
    static Observation quantity(String id, String loinc, double value, String unit, LocalDate date, Double high) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(LOINC, loinc, null));
        observation.setValue(new Quantity()
                .setValue(BigDecimal.valueOf(value))
                .setSystem("http://unitsofmeasure.org")
                .setCode(unit)
                .setUnit(unit));
        observation.setEffective(new DateTimeType(date.toString()));
        if (high != null) {
            observation
                    .addReferenceRange()
                    .setHigh(new Quantity().setValue(BigDecimal.valueOf(high)).setCode(unit));
        }
        return observation;
    }

    static CodeableConcept concept(String system, String code, String display) {
        List<Coding> codings = new ArrayList<>();
        codings.add(new Coding(system, code, display));
        return new CodeableConcept().setCoding(codings);
    }
}
