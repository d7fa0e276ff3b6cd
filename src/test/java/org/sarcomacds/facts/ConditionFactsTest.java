package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.ICD_10_CM;
import static org.sarcomacds.facts.FhirRecords.ICD_O_3;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.VERIFICATION;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.condition;
import static org.sarcomacds.facts.FhirRecords.record;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Primary site, GIST exclusion, verification status and metastasis sites of Conditions. */
class ConditionFactsTest {

    @ParameterizedTest
    @CsvSource({
        "C41.4, site-bone",
        "C40.20, site-bone",
        "C49.9, site-soft-tissue",
        "C55, site-uterus",
        "C54.1, site-uterus",
        "C48.0, site-retroperitoneum"
    })
    void primarySiteComesFromTheIcd10CodeOnTheLeiomyosarcomaCondition(String icd10, String site) {
        PatientFacts facts = record().with(condition("c1", lms(icd10))).facts();

        assertThat(facts.primarySites()).singleElement().satisfies(f -> {
            assertThat(f.concept()).isEqualTo(site);
            assertThat(f.reference()).isEqualTo("Condition/c1");
            assertThat(f.matchedOn()).isEqualTo("ICD-10-CM " + icd10);
        });
    }

    @Test
    void aSiteCodeOnAnotherConditionIsNotThePrimarySite() {
        PatientFacts facts = record().with(
                        condition("c1", concept(ICD_O_3, "8890/3", "Leiomyosarcoma")),
                        condition("c2", concept(ICD_10_CM, "C41.4", "Malignant neoplasm of pelvic bones")))
                .facts();

        assertThat(facts.primarySites()).isEmpty();
        assertThat(facts.conditions(Concepts.SITE_BONE))
                .extracting(Fact::reference)
                .containsExactly("Condition/c2");
    }

    @Test
    void gistCodeWithTheWordLeiomyosarcomaIsNeverLeiomyosarcoma() {
        CodeableConcept code = concept(ICD_10_CM, "C49.A2", "Gastrointestinal stromal tumor of stomach");
        code.setText("Gastric leiomyosarcoma (GIST)");

        PatientFacts facts = record().with(condition("c1", code)).facts();

        assertThat(facts.leiomyosarcoma()).isEmpty();
        assertThat(facts.conditions(Concepts.GIST))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("ICD-10-CM C49.A2"));
    }

    @Test
    void gistCodeBesideALeiomyosarcomaMorphologyCodeIsNeverLeiomyosarcoma() {
        CodeableConcept code = concept(ICD_10_CM, "C49.A2", "Gastrointestinal stromal tumor of stomach");
        code.addCoding(new org.hl7.fhir.r4.model.Coding(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));

        assertThat(record().with(condition("c1", code)).facts().leiomyosarcoma())
                .isEmpty();
    }

    @Test
    void provisionalDiagnosisIsUnconfirmedAndSaysSo() {
        Condition metastasis = condition("m1", concept(SNOMED, "94381002", "Secondary malignant neoplasm of liver"));
        metastasis.setVerificationStatus(concept(VERIFICATION, "provisional", null));

        PatientFacts facts = record().with(metastasis).facts();

        assertThat(facts.activeMetastases()).singleElement().satisfies(f -> {
            assertThat(f.unconfirmed()).isTrue();
            assertThat(f.note()).isEqualTo("not confirmed (verification status provisional)");
        });
    }

    @Test
    void confirmedDiagnosisIsNotUnconfirmed() {
        PatientFacts facts = record().with(condition("m1", concept(SNOMED, "94381002", "Liver metastases")))
                .facts();

        assertThat(facts.activeMetastases()).singleElement().satisfies(f -> {
            assertThat(f.unconfirmed()).isFalse();
            assertThat(f.note()).isEmpty();
        });
    }

    @Test
    void refutedMetastasisGivesNeitherDiseaseNorSiteFacts() {
        Condition metastasis = condition("m1", concept(SNOMED, "94222008", "Secondary malignant neoplasm of bone"));
        metastasis.setVerificationStatus(concept(VERIFICATION, "refuted", null));

        assertThat(record().with(metastasis).facts().conditions()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"http://snomed.info/sct, 94222008", "http://hl7.org/fhir/sid/icd-10-cm, C79.51"})
    void boneMetastasisGivesTheBoneSiteAndMetastaticDisease(String system, String code) {
        PatientFacts facts = record().with(
                        condition("m1", concept(system, code, "Secondary malignant neoplasm of bone")))
                .facts();

        assertThat(facts.activeMetastases(Concepts.METASTASIS_BONE))
                .extracting(Fact::reference)
                .containsExactly("Condition/m1");
        assertThat(facts.activeMetastases()).extracting(Fact::reference).containsExactly("Condition/m1");
    }

    @Test
    void widespreadMetastaticDiseaseGivesTheWidespreadFact() {
        PatientFacts facts = record().with(condition(
                        "m1", concept(SNOMED, "405843009", "Widespread metastatic malignant neoplastic disease")))
                .facts();

        assertThat(facts.activeMetastases(Concepts.METASTASIS_WIDESPREAD)).hasSize(1);
        assertThat(facts.activeMetastases(Concepts.METASTASIS_BONE)).isEmpty();
        assertThat(facts.activeMetastases()).hasSize(1);
    }

    @Test
    void onsetIsKeptAsStartDate() {
        Condition lms = condition("c1", concept(ICD_O_3, "8890/3", "Leiomyosarcoma"));
        lms.setOnset(new DateTimeType("2023-04"));

        assertThat(record().with(lms).facts().leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.start()).isEqualTo(java.time.LocalDate.of(2023, 4, 1));
            assertThat(f.when()).isEqualTo("onset 2023-04");
        });
    }

    private static CodeableConcept lms(String icd10) {
        CodeableConcept code = concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS");
        code.addCoding(new org.hl7.fhir.r4.model.Coding(ICD_10_CM, icd10, null));
        return code;
    }
}
