package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.RXNORM;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.record;
import static org.sarcomacds.facts.FhirRecords.request;
import static org.sarcomacds.facts.FhirRecords.statement;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.sarcomacds.knowledge.DisjointValueSets;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;

/**
 * Medications coded only with an RxNorm product or brand code (as EHRs send them) match their ingredient through
 * {@code hooks/conceptmaps/rxnorm-products.json}, and the product's dose form can be read.
 */
class ProductCodeFactsTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final ProductIngredients PRODUCTS = new ProductIngredients(FHIR);

    @Test
    void draftWithOnlyABrandedDrugCodeIsPazopanib() {
        MedicationRequest votrient = draft("d1", "867506", "pazopanib 200 MG Oral Tablet [Votrient]");

        assertThat(record().withDrafts(votrient).facts().drafts(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.drug().matchedOn()).isEqualTo("product code 867506 mapped to RxNorm 714438");
                    assertThat(d.drug().byName()).isFalse();
                    assertThat(d.drug().reference()).isEqualTo("MedicationRequest/d1");
                });
    }

    @Test
    void draftsOfAGemcitabineClinicalDrugAndAPazopanibBrandAreBothSeen() {
        MedicationRequest gemcitabine = draft("d1", "1719003", null);
        MedicationRequest votrient = draft("d2", "867503", null);

        PatientFacts facts = record().withDrafts(gemcitabine, votrient).facts();

        assertThat(facts.drafts(Concepts.GEMCITABINE))
                .singleElement()
                .satisfies(
                        d -> assertThat(d.drug().matchedOn()).isEqualTo("product code 1719003 mapped to RxNorm 12574"));
        assertThat(facts.drafts(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(
                        d -> assertThat(d.drug().matchedOn()).isEqualTo("product code 867503 mapped to RxNorm 714438"));
    }

    @Test
    void draftNamedOnlyByTheGemzarBrandIsGemcitabineByName() {
        MedicationRequest gemzar = request("d1", "draft", new CodeableConcept().setText("Gemzar 1 GM Injection"));

        assertThat(record().withDrafts(gemzar).facts().drafts(Concepts.GEMCITABINE))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.drug().matchedOn()).isEqualTo("the name \"Gemzar\"");
                    assertThat(d.drug().byName()).isTrue();
                });
    }

    @Test
    void referencedMedicationWithAClinicalDrugCodeIsTrabectedin() {
        Medication yondelis = new Medication();
        yondelis.setCode(concept(RXNORM, "1718589", "trabectedin 1 MG Injection"));
        MedicationStatement given = statement("s1", "active", new Reference("Medication/m1"));

        assertThat(record().with(given).with("Medication/m1", yondelis).facts().currentExposures(Concepts.TRABECTEDIN))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("product code 1718589 mapped to RxNorm 1716278"));
    }

    @Test
    void containedMedicationWithABrandCodeIsDoxorubicin() {
        Medication doxil = new Medication();
        doxil.setId("med");
        doxil.setCode(new CodeableConcept(new Coding(RXNORM, "80773", null)));
        MedicationStatement given = statement("s1", "completed", new Reference("#med"));
        given.addContained(doxil);

        assertThat(record().with(given).facts().exposures(Concepts.DOXORUBICIN))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("product code 80773 mapped to RxNorm 3639"));
    }

    @Test
    void aritonavirPackIsAStrongCyp3aInhibitor() {
        MedicationStatement paxlovid = statement("s1", "active", concept(RXNORM, "2587899", null));

        assertThat(record().with(paxlovid).facts().currentExposures(Concepts.CYP3A_INHIBITORS))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("product code 2587899 mapped to RxNorm 85762"));
    }

    @Test
    void theEllenceBrandIsAnAnthracyclineButNotDoxorubicin() {
        MedicationStatement ellence = statement("s1", "completed", concept(RXNORM, "203766", null));

        PatientFacts facts = record().with(ellence).facts();

        assertThat(facts.anthracyclineExposures())
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("product code 203766 mapped to RxNorm 3995"));
        assertThat(facts.exposures(Concepts.DOXORUBICIN)).isEmpty();
    }

    @Test
    void doseFormOfAClinicalOrBrandedDrugIsTheOneInItsName() {
        assertThat(PRODUCTS.doseForms(rxnorm("106336"))).containsExactly("Medicated Shampoo");
        assertThat(PRODUCTS.doseForms(rxnorm("197853"))).containsExactly("Oral Tablet");
        assertThat(PRODUCTS.doseForms(rxnorm("867506"))).containsExactly("Oral Tablet");
    }

    @Test
    void doseFormsOfABrandAreThoseOfItsProducts() {
        assertThat(PRODUCTS.doseForms(rxnorm("356772")))
                .containsExactlyInAnyOrder(
                        "Delayed Release Oral Tablet", "Injection", "Oral Suspension", "Powder for Oral Suspension");
    }

    @Test
    void ingredientsComponentsAndUnknownCodesHaveNoDoseForm() {
        assertThat(PRODUCTS.doseForms(rxnorm("6135"))).isEmpty();
        assertThat(PRODUCTS.doseForms(rxnorm("330469"))).isEmpty();
        assertThat(PRODUCTS.doseForms(rxnorm("99999999"))).isEmpty();
        assertThat(PRODUCTS.doseForms(new Coding("http://www.whocc.no/atc", "106336", null)))
                .isEmpty();
    }

    @Test
    void theMappedIngredientCarriesTheProductsDoseForm() {
        assertThat(PRODUCTS.of(new CodeableConcept(rxnorm("728550"))))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.ingredient().getCodingFirstRep().getCode()).isEqualTo("6135");
                    assertThat(m.doseForms()).containsExactly("Topical Foam");
                });
    }

    @Test
    void aTargetMarkedUnmatchedIsNotAnIngredient() {
        ProductIngredients products = new ProductIngredients(
                FHIR,
                new Terminology(FHIR),
                List.of(new KnowledgeFile("map.json", """
                {"resourceType": "ConceptMap", "status": "active", "group": [{
                  "source": "urn:oid:1.2.3", "target": "http://www.nlm.nih.gov/research/umls/rxnorm",
                  "element": [
                    {"code": "A", "target": [{"code": "714438", "equivalence": "unmatched"}]},
                    {"code": "B", "target": [{"code": "714438", "equivalence": "wider", "product": [
                      {"property": "https://sarcomacds.org/fhir/ConceptMap/rxnorm-products#dose-form",
                       "value": "Oral Tablet"}]}]}]}]}
                """)),
                List.of(),
                DisjointValueSets.load());

        assertThat(products.of(new CodeableConcept(new Coding("urn:oid:1.2.3", "A", null))))
                .isEmpty();
        assertThat(products.of(new CodeableConcept(new Coding("urn:oid:1.2.3", "B", null))))
                .singleElement()
                .satisfies(m -> assertThat(m.doseForms()).containsExactly("Oral Tablet"));
    }

    private static MedicationRequest draft(String id, String code, String display) {
        return request(id, "draft", concept(RXNORM, code, display));
    }

    private static Coding rxnorm(String code) {
        return new Coding(RXNORM, code, null);
    }
}
