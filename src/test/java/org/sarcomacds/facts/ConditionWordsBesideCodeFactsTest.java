package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.ICD_10_CM;
import static org.sarcomacds.facts.FhirRecords.ICD_O_3;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.condition;
import static org.sarcomacds.facts.FhirRecords.record;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A coded Condition is read with the clinician's words beside its code (review 12, finding 2): words that doubt the
 * coded concept make it unconfirmed; words that negate it make it conflicting data, counted as unconfirmed.
 */
class ConditionWordsBesideCodeFactsTest {

    @Test
    void aCodedLungMetastasisTheTextDoubtsIsUnconfirmedAndSaysWhichWords() {
        PatientFacts facts = record().with(lungMetastasis("? pulmonary metastases vs granulomas"))
                .facts();

        assertThat(facts.activeMetastases()).singleElement().satisfies(f -> {
            assertThat(f.unconfirmed()).isTrue();
            assertThat(f.byName()).isFalse();
            assertThat(f.matchedOn()).isEqualTo("SNOMED CT 94391008");
            assertThat(f.note()).isEqualTo("not confirmed (\"? pulmonary metastases vs granulomas\")");
        });
        assertThat(facts.activeMetastases("metastasis-lung"))
                .singleElement()
                .satisfies(f -> assertThat(f.unconfirmed()).isTrue());
    }

    @Test
    void possibleLungMetastasesIsUnconfirmedThoughTheNameTermIsAnotherWord() {
        PatientFacts facts =
                record().with(lungMetastasis("Possible lung metastases")).facts();

        assertThat(facts.activeMetastases())
                .singleElement()
                .satisfies(f -> assertThat(f.note()).isEqualTo("not confirmed (\"Possible lung metastases\")"));
    }

    @Test
    void wordsThatNegateACodedMetastasisAreConflictingDataNotAbsence() {
        PatientFacts facts = record().with(lungMetastasis("Pulmonary nodules - no evidence of metastatic disease"))
                .facts();

        assertThat(facts.activeMetastases()).singleElement().satisfies(f -> {
            assertThat(f.unconfirmed()).isTrue();
            assertThat(f.note())
                    .isEqualTo("not confirmed (the record conflicts: SNOMED CT 94391008 coded, words"
                            + " \"Pulmonary nodules - no evidence of metastatic disease\")");
        });
    }

    @Test
    void aCodedHistologyTheConditionTextRulesOutIsAnUnconfirmedLeiomyosarcoma() {
        Condition lms = condition("c1", concept(ICD_10_CM, "C49.21", "Malignant neoplasm of right lower limb"));
        lms.getCode().setText("Leiomyosarcoma ruled out on expert review - cellular leiomyoma");
        lms.addExtension(ConditionReader.MCODE_HISTOLOGY, concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));

        assertThat(record().with(lms).facts().activeLeiomyosarcoma())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.unconfirmed()).isTrue();
                    assertThat(f.matchedOn()).isEqualTo("histology ICD-O-3 8890/3");
                    assertThat(f.note())
                            .isEqualTo("not confirmed (the record conflicts: histology ICD-O-3 8890/3 coded, words"
                                    + " \"Leiomyosarcoma ruled out on expert review - cellular leiomyoma\")");
                });
    }

    @Test
    void theHistologysOwnTextIsReadToo() {
        Condition lms = condition("c1", concept(ICD_10_CM, "C54.2", "Malignant neoplasm of myometrium"));
        CodeableConcept histology = concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS");
        histology.setText("r/o LMS");
        lms.addExtension(ConditionReader.MCODE_HISTOLOGY, histology);

        assertThat(record().with(lms).facts().leiomyosarcoma())
                .singleElement()
                .satisfies(f -> assertThat(f.note()).isEqualTo("not confirmed (\"r/o LMS\")"));
    }

    @Test
    void aConflictOutranksTheVerificationStatus() {
        Condition metastasis = lungMetastasis("No evidence of metastatic disease");
        metastasis.setVerificationStatus(
                concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "provisional", "Provisional"));

        assertThat(record().with(metastasis).facts().activeMetastases())
                .singleElement()
                .satisfies(f -> assertThat(f.note()).startsWith("not confirmed (the record conflicts: "));
    }

    @Test
    void theDisplayOfTheCodeIsNotTheClinicianWordsAndDoesNotOutvoteThem() {
        // the display "Secondary malignant neoplasm of lung" names the concept affirmed; only code.text is read
        PatientFacts facts = record().with(lungMetastasis("Lung nodules, metastasis excluded"))
                .facts();

        assertThat(facts.activeMetastases())
                .singleElement()
                .satisfies(f -> assertThat(f.unconfirmed()).isTrue());
    }

    @Test
    void aCodedGistItsWordsExcludeLeavesTheLeiomyosarcoma() {
        CodeableConcept code = concept(ICD_10_CM, "C49.A2", "Gastrointestinal stromal tumor of stomach");
        code.setText("Gastric leiomyosarcoma, GIST excluded");
        CodeableConcept gistCoded = concept(ICD_10_CM, "C49.A2", "Gastrointestinal stromal tumor of stomach");
        gistCoded.setText("Gastric GIST");

        assertThat(record().with(condition("c1", code)).facts().leiomyosarcoma())
                .as("the GIST code is conflicting data: it does not remove the leiomyosarcoma")
                .hasSize(1);
        assertThat(record().with(condition("c2", gistCoded)).facts().conditions(Concepts.GIST))
                .singleElement()
                .satisfies(f -> assertThat(f.unconfirmed()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Pulmonary metastases, right lung",
                "Bilateral pulmonary metastases",
                "Lung metastases; no liver metastases",
                "Secondary malignant neoplasm of lung",
                "Lung mets, enlarging on CT",
                "Pulmonary nodules"
            })
    void ordinaryTextsBesideALungMetastasisCodeLeaveItConfirmed(String words) {
        assertThat(record().with(lungMetastasis(words)).facts().activeMetastases())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.unconfirmed()).isFalse();
                    assertThat(f.note()).isEmpty();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Leiomyosarcoma right thigh", "Uterine leiomyosarcoma", "LMS of uterus, grade 3"})
    void ordinaryTextsBesideALeiomyosarcomaCodeLeaveItConfirmed(String words) {
        CodeableConcept code = concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS");
        code.setText(words);

        assertThat(record().with(condition("c1", code)).facts().leiomyosarcoma())
                .singleElement()
                .satisfies(f -> assertThat(f.unconfirmed()).isFalse());
    }

    private static Condition lungMetastasis(String words) {
        Condition metastasis = condition("m1", concept(SNOMED, "94391008", "Secondary malignant neoplasm of lung"));
        metastasis.getCode().setText(words);
        return metastasis;
    }
}
