package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class RecordBuilderTest {

    @Test
    void resourcesAboutAnotherPatientAreDroppedAndReported() {
        RecordBuilder builder = new RecordBuilder("p1");
        builder.addAll(List.of(
                (Patient) new Patient().setId("p1"),
                (Patient) new Patient().setId("p2"),
                condition("c1", "Patient/p1"),
                condition("c2", "https://ehr.example.org/fhir/Patient/p1"),
                condition("c3", "Patient/p2"),
                condition("c4", "Patient/p11")));

        PatientRecord record = builder.build(List.of());

        assertThat(record.patient())
                .get()
                .extracting(p -> p.getIdElement().getIdPart())
                .isEqualTo("p1");
        assertThat(record.conditions())
                .extracting(c -> c.getIdElement().getIdPart())
                .containsExactly("c1", "c2");
        assertThat(record.gaps()).singleElement().asString().startsWith("3 resource(s) about a patient other than");
    }

    @Test
    void aResourceSeenInTwoKeysIsKeptOnce() {
        RecordBuilder builder = new RecordBuilder("p1");
        builder.addAll(List.of(condition("c1", "Patient/p1")));
        builder.addAll(List.of(condition("c1", "Patient/p1")));

        assertThat(builder.build(List.of()).conditions()).hasSize(1);
    }

    @Test
    void medicationReferencesNotAtHandAreListedOnceAndContainedOnesNever() {
        RecordBuilder builder = new RecordBuilder("p1");
        builder.addAll(List.of(
                statement("s1", "Medication/m1"),
                statement("s2", "Medication/m1"),
                statement("s3", "Medication/m2"),
                statement("s4", "#contained"),
                statement("s5", "https://ehr.example.org/fhir/Medication/m3"),
                (Medication) new Medication().setId("m2")));

        assertThat(builder.unresolvedMedicationReferences()).containsExactly("Medication/m1", "Medication/m3");
    }

    private static Condition condition(String id, String subject) {
        Condition condition = new Condition().setSubject(new Reference(subject));
        condition.setId(id);
        return condition;
    }

    private static MedicationStatement statement(String id, String medication) {
        MedicationStatement statement = new MedicationStatement()
                .setSubject(new Reference("Patient/p1"))
                .setMedication(new Reference(medication));
        statement.setId(id);
        return statement;
    }
}
