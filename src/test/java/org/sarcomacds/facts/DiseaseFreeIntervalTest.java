package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.CLINICAL;
import static org.sarcomacds.facts.FhirRecords.ICD_O_3;
import static org.sarcomacds.facts.FhirRecords.RXNORM;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.condition;
import static org.sarcomacds.facts.FhirRecords.record;
import static org.sarcomacds.facts.FhirRecords.statement;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.api.Test;

/**
 * The disease-free interval runs from the end of curative treatment or the last record of no evidence of disease to
 * the first metastasis, never from the diagnosis.
 */
class DiseaseFreeIntervalTest {

    @Test
    void fromTheAbatementOfTheLeiomyosarcoma() {
        PatientFacts facts = record().with(lms("c1", "2022-03-08", "2023-08-02"), metastasis("m1", "2024-09-02"))
                .facts();

        assertThat(facts.diseaseFreeInterval()).hasValueSatisfying(dfi -> {
            assertThat(dfi.from()).isEqualTo(LocalDate.of(2023, 8, 2));
            assertThat(dfi.to()).isEqualTo(LocalDate.of(2024, 9, 2));
            assertThat(dfi.months()).isEqualTo(13);
            assertThat(dfi.basis().reference()).isEqualTo("Condition/c1");
        });
    }

    @Test
    void fromTheEndOfACompletedTherapyBeforeTheMetastasis() {
        PatientFacts facts = record().with(lms("c1", "2023-03-10", null), metastasis("m1", "2025-06-01"))
                .with(therapy("s1", "completed", "2023-04-03", "2023-08-11"))
                .facts();

        assertThat(facts.diseaseFreeInterval()).hasValueSatisfying(dfi -> {
            assertThat(dfi.months()).isEqualTo(21);
            assertThat(dfi.basis().reference()).isEqualTo("MedicationStatement/s1");
        });
    }

    @Test
    void theLatestRecordOfNoEvidenceOfDiseaseWins() {
        Condition earlier = lms("c0", "2018-01-10", "2019-02-01");
        earlier.setClinicalStatus(concept(CLINICAL, "resolved", null));
        PatientFacts facts = record().with(earlier, lms("c1", "2022-05-01", null), metastasis("m1", "2024-09-02"))
                .with(therapy("s1", "completed", "2022-06-01", "2022-10-01"))
                .facts();

        assertThat(facts.diseaseFreeInterval()).hasValueSatisfying(dfi -> {
            assertThat(dfi.from()).isEqualTo(LocalDate.of(2022, 10, 1));
            assertThat(dfi.months()).isEqualTo(23);
        });
    }

    @Test
    void neverFromTheDiagnosis() {
        assertThat(record().with(lms("c1", "2020-01-01", null), metastasis("m1", "2024-09-02"))
                        .facts()
                        .diseaseFreeInterval())
                .isEmpty();
    }

    @Test
    void aTherapyThatEndedAfterTheMetastasisOrForProgressionIsNoBasis() {
        MedicationStatement progressed = therapy("s2", "stopped", "2023-01-01", "2023-06-01");
        progressed.addStatusReason().setText("Progression");

        assertThat(record().with(lms("c1", "2022-01-01", null), metastasis("m1", "2024-09-02"))
                        .with(therapy("s1", "completed", "2024-09-10", "2025-01-10"), progressed)
                        .facts()
                        .diseaseFreeInterval())
                .isEmpty();
    }

    @Test
    void anUndatedActiveMetastasisLeavesTheIntervalUnknown() {
        Condition undated = metastasis("m2", "2025-01-01");
        undated.setOnset(null);

        assertThat(record().with(lms("c1", "2022-01-01", "2022-06-01"), metastasis("m1", "2024-09-02"), undated)
                        .facts()
                        .diseaseFreeInterval())
                .isEmpty();
    }

    private static Condition lms(String id, String onset, String abated) {
        Condition lms = condition(id, concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));
        lms.setOnset(new DateTimeType(onset));
        if (abated != null) {
            lms.setAbatement(new DateTimeType(abated));
        }
        return lms;
    }

    private static Condition metastasis(String id, String onset) {
        Condition metastasis = condition(id, concept(SNOMED, "94391008", "Secondary malignant neoplasm of lung"));
        metastasis.setOnset(new DateTimeType(onset));
        return metastasis;
    }

    private static MedicationStatement therapy(String id, String status, String start, String end) {
        MedicationStatement doxorubicin = statement(id, status, concept(RXNORM, "3639", "doxorubicin"));
        doxorubicin.setEffective(
                new Period().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end)));
        return doxorubicin;
    }
}
