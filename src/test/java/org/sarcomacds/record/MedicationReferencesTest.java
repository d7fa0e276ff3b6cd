package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MedicationReferencesTest {

    @Test
    void relativeAndAbsoluteReferencesGiveTheRelativeOne() {
        assertThat(MedicationReferences.relative("Medication/m1")).contains("Medication/m1");
        assertThat(MedicationReferences.relative("https://ehr.example.org/fhir/Medication/m1"))
                .contains("Medication/m1");
    }

    @Test
    void containedOtherTypesAndOddReferencesGiveNothing() {
        assertThat(MedicationReferences.relative("#m1")).isEmpty();
        assertThat(MedicationReferences.relative("Substance/s1")).isEmpty();
        assertThat(MedicationReferences.relative("XMedication/m1")).isEmpty();
        assertThat(MedicationReferences.relative("Medication/m1?x=1")).isEmpty();
        assertThat(MedicationReferences.relative(null)).isEmpty();
    }
}
