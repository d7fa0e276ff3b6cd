package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.ATC;
import static org.sarcomacds.facts.FhirRecords.CLINICAL;
import static org.sarcomacds.facts.FhirRecords.ICD_10_CM;
import static org.sarcomacds.facts.FhirRecords.ICD_O_3;
import static org.sarcomacds.facts.FhirRecords.LOCAL;
import static org.sarcomacds.facts.FhirRecords.RXNORM;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.TODAY;
import static org.sarcomacds.facts.FhirRecords.VERIFICATION;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.condition;
import static org.sarcomacds.facts.FhirRecords.statement;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.knowledge.ClinicalSettings;
import org.sarcomacds.knowledge.EvaluationDate;
import org.sarcomacds.record.PatientRecord;

/**
 * Facts from the real value sets of {@code hooks/valuesets/} (loaded from the classpath as the service does), on
 * records built directly from HAPI R4 model objects.
 */
class FactExtractorTest {

    private static FhirContext fhir;
    private static FactExtractor extractor;

    @BeforeAll
    static void loadTerminology() {
        fhir = FhirContext.forR4();
        extractor = new FactExtractor(
                new Terminology(fhir),
                new ProductIngredients(fhir),
                ClinicalParameters.load(),
                new EvaluationDate(new ClinicalSettings(TODAY)));
    }

    // ---- leiomyosarcoma ----

    @Test
    void leiomyosarcomaByIcdO3Morphology() {
        PatientFacts facts = extract(conditions(condition("c1", concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"))));

        assertThat(facts.leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.concept()).isEqualTo(Concepts.LEIOMYOSARCOMA);
            assertThat(f.reference()).isEqualTo("Condition/c1");
            assertThat(f.matchedOn()).isEqualTo("ICD-O-3 8890/3");
            assertThat(f.byName()).isFalse();
            assertThat(f.current()).isTrue();
        });
    }

    @Test
    void leiomyosarcomaByMcodeHistologyExtension() {
        Condition condition = condition(
                "c1", concept(ICD_10_CM, "C49.9", "Malignant neoplasm of connective and soft tissue, unspecified"));
        condition.addExtension(ConditionReader.MCODE_HISTOLOGY, concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));

        PatientFacts facts = extract(conditions(condition));

        assertThat(facts.leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.matchedOn()).isEqualTo("histology ICD-O-3 8890/3");
            assertThat(f.byName()).isFalse();
            assertThat(f.display()).isEqualTo("Malignant neoplasm of connective and soft tissue, unspecified");
        });
    }

    @Test
    void aCodedHistologyIsPreferredToTheNameInTheCodesText() {
        Fact lms = onlyLms(withHistology8890(
                concept(ICD_10_CM, "C49.21", "Malignant neoplasm of connective and soft tissue of right lower limb")
                        .setText("Leiomyosarcoma right thigh")));

        assertThat(lms.matchedOn()).isEqualTo("histology ICD-O-3 8890/3");
        assertThat(lms.byName()).isFalse();
    }

    @Test
    void aNameTheTextDoubtsStaysDoubtedBesideACodedHistology() {
        Fact lms = onlyLms(withHistology8890(concept(ICD_10_CM, "C55", "Malignant neoplasm of uterus, part unspecified")
                .setText("Uterine mass, ?leiomyosarcoma")));

        assertThat(lms.unconfirmed()).isTrue();
    }

    private static Condition withHistology8890(CodeableConcept code) {
        Condition condition = condition("c1", code);
        condition.addExtension(ConditionReader.MCODE_HISTOLOGY, concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));
        return condition;
    }

    private static Fact onlyLms(Condition condition) {
        List<Fact> lms = extract(conditions(condition)).leiomyosarcoma();
        assertThat(lms).hasSize(1);
        return lms.getFirst();
    }

    @Test
    void histologyExtensionWithAnotherUrlIsNotRead() {
        Condition condition = condition("c1", concept(ICD_10_CM, "C49.9", "Soft tissue sarcoma"));
        condition.addExtension(
                "https://example.org/StructureDefinition/other-histology",
                concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));

        assertThat(extract(conditions(condition)).leiomyosarcoma()).isEmpty();
    }

    @Test
    void leiomyosarcomaBySnomedMorphology() {
        PatientFacts facts = extract(conditions(condition("c1", concept(SNOMED, "1163022006", null))));

        assertThat(facts.leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.matchedOn()).isEqualTo("SNOMED CT 1163022006");
            assertThat(f.byName()).isFalse();
        });
    }

    @Test
    void leiomyosarcomaByTextIsFlaggedAsByName() {
        CodeableConcept text = new CodeableConcept().setText("Retroperitoneal leiomyosarcoma, grade 3");

        PatientFacts facts = extract(conditions(condition("c1", text)));

        assertThat(facts.leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.byName()).isTrue();
            assertThat(f.matchedOn()).startsWith("the name").containsIgnoringCase("leiomyosarcoma");
            assertThat(f.display()).isEqualTo("Retroperitoneal leiomyosarcoma, grade 3");
        });
    }

    @Test
    void codeMatchWinsOverNameMatchOnTheSameConcept() {
        CodeableConcept coded = concept(SNOMED, "1163022006", "Leiomyosarcoma (morphologic abnormality)");
        coded.setText("Leiomyosarcoma of uterus");

        assertThat(extract(conditions(condition("c1", coded))).leiomyosarcoma())
                .singleElement()
                .satisfies(f -> assertThat(f.byName()).isFalse());
    }

    @Test
    void icd10SoftTissueSarcomaAloneIsNotLeiomyosarcoma() {
        PatientFacts facts = extract(conditions(condition(
                "c1", concept(ICD_10_CM, "C49.9", "Malignant neoplasm of connective and soft tissue, unspecified"))));

        assertThat(facts.leiomyosarcoma()).isEmpty();
        assertThat(facts.metastases()).isEmpty();
    }

    @Test
    void otherSarcomaNamesAreNotLeiomyosarcoma() {
        PatientFacts facts = extract(conditions(
                condition("c1", new CodeableConcept().setText("Undifferentiated pleomorphic sarcoma")),
                condition("c2", new CodeableConcept().setText("Uterine leiomyoma"))));

        assertThat(facts.leiomyosarcoma()).isEmpty();
    }

    @Test
    void metastaticDiseaseBySnomedAndIcd10() {
        PatientFacts facts = extract(conditions(
                condition("m1", concept(SNOMED, "94381002", "Secondary malignant neoplasm of liver")),
                condition("m2", concept(ICD_10_CM, "C78.00", "Secondary malignant neoplasm of unspecified lung"))));

        assertThat(facts.metastases()).extracting(Fact::reference).containsExactly("Condition/m1", "Condition/m2");
        assertThat(facts.activeMetastases()).hasSize(2);
        assertThat(facts.leiomyosarcoma()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"entered-in-error", "refuted"})
    void enteredInErrorAndRefutedConditionsAreIgnored(String verification) {
        Condition lms = condition("c1", concept(SNOMED, "1163022006", "Leiomyosarcoma"));
        lms.setVerificationStatus(concept(VERIFICATION, verification, null));
        Condition metastasis = condition("m1", concept(SNOMED, "94381002", "Liver metastases"));
        metastasis.setVerificationStatus(concept(VERIFICATION, verification, null));

        PatientFacts facts = extract(conditions(lms, metastasis));

        assertThat(facts.leiomyosarcoma()).isEmpty();
        assertThat(facts.metastases()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"confirmed", "provisional", "differential", "unconfirmed"})
    void otherVerificationStatusesStillCount(String verification) {
        Condition lms = condition("c1", concept(SNOMED, "1163022006", "Leiomyosarcoma"));
        lms.setVerificationStatus(concept(VERIFICATION, verification, null));

        assertThat(extract(conditions(lms)).leiomyosarcoma()).hasSize(1);
    }

    @Test
    void conditionWithoutVerificationStatusCounts() {
        // verificationStatus is optional (0..1) in R4 and many EHRs leave it out.
        Condition lms = condition("c1", concept(SNOMED, "1163022006", "Leiomyosarcoma"));
        lms.setVerificationStatus(null);
        Condition metastasis = condition("m1", concept(SNOMED, "94381002", "Liver metastases"));
        metastasis.setVerificationStatus(new CodeableConcept().setText("confirmed by biopsy"));

        PatientFacts facts = extract(conditions(lms, metastasis));

        assertThat(facts.activeLeiomyosarcoma()).hasSize(1);
        assertThat(facts.activeMetastases()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"remission", "resolved", "inactive"})
    void remissionAndResolvedAreRecordedButNotCurrent(String clinical) {
        Condition lms = condition("c1", concept(SNOMED, "1163022006", "Leiomyosarcoma"));
        lms.setClinicalStatus(concept(CLINICAL, clinical, null));

        PatientFacts facts = extract(conditions(lms));

        assertThat(facts.leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.current()).isFalse();
            assertThat(f.status()).isEqualTo(clinical);
        });
        assertThat(facts.activeLeiomyosarcoma()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"active", "recurrence", "relapse"})
    void activeRecurrenceAndRelapseAreCurrent(String clinical) {
        Condition metastasis = condition("m1", concept(SNOMED, "94381002", "Liver metastases"));
        metastasis.setClinicalStatus(concept(CLINICAL, clinical, null));

        assertThat(extract(conditions(metastasis)).activeMetastases())
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(clinical));
    }

    // ---- medications ----

    @ParameterizedTest
    @ValueSource(strings = {"entered-in-error", "not-taken"})
    void statementsThatDoNotShowTheDrugWasGivenAreIgnored(String status) {
        MedicationStatement statement = statement("s1", status, concept(RXNORM, "3639", "doxorubicin"));

        PatientFacts facts = extract(record(List.of(), List.of(statement), List.of(), Map.of()));

        assertThat(facts.medications()).isEmpty();
        assertThat(facts.exposures(Concepts.DOXORUBICIN)).isEmpty();
    }

    @Test
    void anIntendedStatementIsPlannedNotAnExposure() {
        MedicationStatement statement = statement("s1", "intended", concept(RXNORM, "3639", "doxorubicin"));

        PatientFacts facts = extract(record(List.of(), List.of(statement), List.of(), Map.of()));

        assertThat(facts.medications()).isEmpty();
        assertThat(facts.exposures(Concepts.DOXORUBICIN)).isEmpty();
        assertThat(facts.anthracyclineExposures()).isEmpty();
        assertThat(facts.planned(Concepts.DOXORUBICIN))
                .singleElement()
                .satisfies(f -> assertThat(f.reference()).isEqualTo("MedicationStatement/s1"));
    }

    @Test
    void completedStatementIsAPastExposureAndActiveOneIsCurrent() {
        PatientFacts facts = extract(record(
                List.of(),
                List.of(
                        statement("s1", "completed", concept(RXNORM, "3639", "doxorubicin")),
                        statement("s2", "active", concept(RXNORM, "714438", "pazopanib"))),
                List.of(),
                Map.of()));

        assertThat(facts.exposures(Concepts.DOXORUBICIN))
                .singleElement()
                .satisfies(f -> assertThat(f.current()).isFalse());
        assertThat(facts.currentExposures(Concepts.DOXORUBICIN)).isEmpty();
        assertThat(facts.currentExposures(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(f -> assertThat(f.reference()).isEqualTo("MedicationStatement/s2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"entered-in-error", "cancelled", "draft"})
    void requestsThatWereNeverOrdersAreIgnored(String status) {
        MedicationRequest request = request("r1", status);
        request.setMedication(concept(RXNORM, "12574", "gemcitabine"));

        assertThat(extract(record(List.of(), List.of(), List.of(request), Map.of()))
                        .medications())
                .isEmpty();
    }

    @Test
    void medicationMatchedThroughIngredientRxNormCode() {
        Medication product = new Medication();
        product.setId("Medication/m1");
        product.setCode(concept(LOCAL, "10045", "DOXOrubicin 2 mg/mL injection"));
        product.addIngredient().setItem(concept(RXNORM, "3639", "doxorubicin"));
        MedicationStatement statement = statement("s1", "completed", new Reference("Medication/m1"));

        PatientFacts facts =
                extract(record(List.of(), List.of(statement), List.of(), Map.of("Medication/m1", product)));

        assertThat(facts.exposures(Concepts.DOXORUBICIN)).singleElement().satisfies(f -> {
            assertThat(f.matchedOn()).startsWith("ingredient").isEqualTo("ingredient RxNorm 3639");
            assertThat(f.byName()).isFalse();
            assertThat(f.display()).isEqualTo("DOXOrubicin 2 mg/mL injection");
            assertThat(f.reference()).isEqualTo("MedicationStatement/s1");
        });
    }

    @Test
    void absoluteMedicationReferenceResolvesFromTheRecord() {
        Medication product = new Medication();
        product.setCode(concept(ATC, "L01EX03", "pazopanib"));
        MedicationRequest request = request("r1", "active");
        request.setMedication(new Reference("https://ehr.example.org/fhir/Medication/m9"));

        PatientFacts facts = extract(record(List.of(), List.of(), List.of(request), Map.of("Medication/m9", product)));

        assertThat(facts.currentExposures(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("ATC L01EX03"));
    }

    @Test
    void unresolvedMedicationReferenceMatchesNothingEvenIfItsDisplayNamesTheDrug() {
        MedicationRequest request = request("r1", "active");
        request.setMedication(new Reference("Medication/absent").setDisplay("pazopanib 200 mg tablet"));

        PatientFacts facts = extract(record(List.of(), List.of(), List.of(request), Map.of()));

        assertThat(facts.medications()).isEmpty();
    }

    @Test
    void medicationMatchedThroughContainedMedication() {
        Medication contained = new Medication();
        contained.setId("m1");
        contained.setCode(concept(ATC, "L01CX01", "trabectedin"));
        MedicationRequest request = request("r1", "completed");
        request.addContained(contained);
        request.setMedication(new Reference("#m1"));

        PatientFacts facts = extract(record(List.of(), List.of(), List.of(request), Map.of()));

        assertThat(facts.exposures(Concepts.TRABECTEDIN)).singleElement().satisfies(f -> {
            assertThat(f.matchedOn()).isEqualTo("ATC L01CX01");
            assertThat(f.byName()).isFalse();
        });
    }

    @Test
    void containedMedicationAsParsedFromEhrJson() {
        String json = """
                {"resourceType": "MedicationStatement", "id": "s7", "status": "completed",
                 "contained": [{"resourceType": "Medication", "id": "med1",
                   "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L01CX01", "display": "trabectedin"}]}}],
                 "medicationReference": {"reference": "#med1"},
                 "subject": {"reference": "Patient/p1"}}""";
        MedicationStatement statement = fhir.newJsonParser().parseResource(MedicationStatement.class, json);

        PatientFacts facts = extract(record(List.of(), List.of(statement), List.of(), Map.of()));

        assertThat(facts.exposures(Concepts.TRABECTEDIN))
                .singleElement()
                .satisfies(f -> assertThat(f.reference()).isEqualTo("MedicationStatement/s7"));
    }

    @Test
    void containedReferenceDoesNotReachAnotherResourcesContainedMedication() {
        Medication contained = new Medication();
        contained.setId("m1");
        contained.setCode(concept(ATC, "L01CX01", "trabectedin"));
        MedicationRequest owner = request("r1", "completed");
        owner.addContained(contained);
        owner.setMedication(new Reference("#m1"));
        MedicationRequest other = request("r2", "active");
        other.setMedication(new Reference("#m1"));

        PatientFacts facts = extract(record(List.of(), List.of(), List.of(owner, other), Map.of()));

        assertThat(facts.exposures(Concepts.TRABECTEDIN))
                .extracting(Fact::reference)
                .containsExactly("MedicationRequest/r1");
    }

    @Test
    void pazopanibByLegacyAtcCode() {
        MedicationRequest request = request("r1", "active");
        request.setMedication(concept(ATC, "L01XE11", "pazopanib"));

        PatientFacts facts = extract(record(List.of(), List.of(), List.of(request), Map.of()));

        assertThat(facts.currentExposures(Concepts.PAZOPANIB)).singleElement().satisfies(f -> {
            assertThat(f.matchedOn()).isEqualTo("ATC L01XE11");
            assertThat(f.byName()).isFalse();
        });
    }

    @Test
    void trabectedinByBrandNameIsFlaggedAsByName() {
        MedicationStatement statement =
                statement("s1", "completed", new CodeableConcept().setText("Yondelis 1 mg powder for concentrate"));

        PatientFacts facts = extract(record(List.of(), List.of(statement), List.of(), Map.of()));

        assertThat(facts.exposures(Concepts.TRABECTEDIN)).singleElement().satisfies(f -> {
            assertThat(f.byName()).isTrue();
            assertThat(f.matchedOn()).isEqualTo("the name \"Yondelis\"");
        });
    }

    @Test
    void medicationResourceWithOnlyANameIsMatchedByName() {
        Medication product = new Medication();
        product.setCode(new CodeableConcept().setText("trabectedin 1 mg vial"));
        MedicationStatement statement = statement("s1", "completed", new Reference("Medication/m1"));

        PatientFacts facts =
                extract(record(List.of(), List.of(statement), List.of(), Map.of("Medication/m1", product)));

        assertThat(facts.exposures(Concepts.TRABECTEDIN))
                .singleElement()
                .satisfies(f -> assertThat(f.byName()).isTrue());
    }

    @Test
    void unrelatedMedicationGivesNoFact() {
        PatientFacts facts = extract(record(
                List.of(),
                List.of(statement("s1", "active", new CodeableConcept().setText("loperamide 2 mg capsule"))),
                List.of(),
                Map.of()));

        assertThat(facts.medications()).isEmpty();
    }

    // ---- draft orders ----

    @Test
    void draftOrdersCarryWhetherTheyAreSelected() {
        MedicationRequest gemcitabine = request("d-gem", "draft");
        gemcitabine.setMedication(concept(RXNORM, "12574", "gemcitabine"));
        MedicationRequest pazopanib = request("d-paz", "draft");
        pazopanib.setMedication(concept(RXNORM, "714438", "pazopanib"));
        Bundle drafts = drafts(gemcitabine, pazopanib);

        PatientFacts facts =
                extractor.extract(emptyRecord(), Hook.ORDER_SELECT, drafts, List.of("MedicationRequest/d-gem"));

        assertThat(facts.drafts(Concepts.GEMCITABINE)).singleElement().satisfies(d -> {
            assertThat(d.selected()).isTrue();
            assertThat(d.drug().reference()).isEqualTo("MedicationRequest/d-gem");
            assertThat(d.drug().status()).isEqualTo("draft");
        });
        assertThat(facts.drafts(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(d -> assertThat(d.selected()).isFalse());
        assertThat(facts.medications())
                .as("drafts are not part of the medication history")
                .isEmpty();
    }

    @Test
    void withoutSelectionsNoDraftIsSelected() {
        MedicationRequest gemcitabine = request("d-gem", "draft");
        gemcitabine.setMedication(concept(RXNORM, "12574", "gemcitabine"));

        PatientFacts facts = extractor.extract(emptyRecord(), Hook.ORDER_SIGN, drafts(gemcitabine), List.of());

        assertThat(facts.drafts(Concepts.GEMCITABINE))
                .singleElement()
                .satisfies(d -> assertThat(d.selected()).isFalse());
    }

    @Test
    void theDraftsUnderReviewAreTheSelectedOnesOnOrderSelectAndAllOnOrderSign() {
        MedicationRequest first = request("d-gem1", "draft");
        first.setMedication(concept(RXNORM, "12574", "gemcitabine"));
        MedicationRequest second = request("d-gem2", "draft");
        second.setMedication(concept(RXNORM, "12574", "gemcitabine"));
        List<String> selections = List.of("MedicationRequest/d-gem2");

        assertThat(extractor
                        .extract(emptyRecord(), Hook.ORDER_SELECT, drafts(first, second), selections)
                        .draftsUnderReview(Concepts.GEMCITABINE))
                .extracting(d -> d.drug().reference())
                .containsExactly("MedicationRequest/d-gem2");
        assertThat(extractor
                        .extract(emptyRecord(), Hook.ORDER_SIGN, drafts(first, second), List.of())
                        .draftsUnderReview(Concepts.GEMCITABINE))
                .hasSize(2);
        assertThat(extractor
                        .extract(emptyRecord(), Hook.PATIENT_VIEW, drafts(first, second), List.of())
                        .draftsUnderReview(Concepts.GEMCITABINE))
                .isEmpty();
    }

    @Test
    void draftWithoutMedicationGivesNoDraftFact() {
        MedicationRequest empty = request("d-empty", "draft");

        PatientFacts facts = extractor.extract(
                emptyRecord(), Hook.ORDER_SELECT, drafts(empty), List.of("MedicationRequest/d-empty"));

        assertThat(facts.draftOrders()).isEmpty();
    }

    @Test
    void draftReferencingAMedicationOfTheRecordIsMatched() {
        Medication product = new Medication();
        product.setCode(concept(LOCAL, "96512", "PAZOPanib 200 mg tablet"));
        product.addIngredient().setItem(concept(RXNORM, "714438", "pazopanib"));
        MedicationRequest draft = request("d-paz", "draft");
        draft.setMedication(new Reference("Medication/paz"));

        PatientFacts facts = extractor.extract(
                record(List.of(), List.of(), List.of(), Map.of("Medication/paz", product)),
                Hook.ORDER_SELECT,
                drafts(draft),
                List.of("MedicationRequest/d-paz"));

        assertThat(facts.drafts(Concepts.PAZOPANIB)).singleElement().satisfies(d -> {
            assertThat(d.selected()).isTrue();
            assertThat(d.drug().matchedOn()).isEqualTo("ingredient RxNorm 714438");
        });
    }

    @Test
    void noDraftOrdersOnPatientView() {
        assertThat(extractor
                        .extract(emptyRecord(), Hook.PATIENT_VIEW, null, List.of())
                        .draftOrders())
                .isEmpty();
    }

    @Test
    void gapsOfTheRecordArePassedOn() {
        PatientRecord record = new PatientRecord(
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                List.of("labs (FHIR server answered HTTP 500)"));

        assertThat(extractor.extract(record, Hook.PATIENT_VIEW, null, List.of()).gaps())
                .containsExactly("labs (FHIR server answered HTTP 500)");
    }

    // ---- helpers ----

    private static PatientFacts extract(PatientRecord record) {
        return extractor.extract(record, Hook.PATIENT_VIEW, null, List.of());
    }

    private static PatientRecord conditions(Condition... conditions) {
        return record(List.of(conditions), List.of(), List.of(), Map.of());
    }

    private static PatientRecord emptyRecord() {
        return record(List.of(), List.of(), List.of(), Map.of());
    }

    private static PatientRecord record(
            List<Condition> conditions,
            List<MedicationStatement> statements,
            List<MedicationRequest> requests,
            Map<String, Medication> medications) {
        return new PatientRecord(Optional.empty(), conditions, statements, requests, medications, List.of(), List.of());
    }

    private static MedicationRequest request(String id, String status) {
        MedicationRequest request = new MedicationRequest();
        request.setId(id);
        request.setStatus(MedicationRequest.MedicationRequestStatus.fromCode(status));
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/p1"));
        return request;
    }

    private static Bundle drafts(MedicationRequest... requests) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (MedicationRequest request : requests) {
            bundle.addEntry().setResource(request);
        }
        return bundle;
    }
}
