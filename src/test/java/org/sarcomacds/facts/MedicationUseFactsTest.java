package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.ATC;
import static org.sarcomacds.facts.FhirRecords.RXNORM;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.record;
import static org.sarcomacds.facts.FhirRecords.request;
import static org.sarcomacds.facts.FhirRecords.statement;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sarcomacds.facts.Fact.StopCategory;

/**
 * How a medication is given (systemic or not), why it stopped, its CYP3A effect and strength, the anthracycline
 * class, the current line of therapy, and drug names the free text negates or doubts.
 */
class MedicationUseFactsTest {

    @Test
    void ketoconazoleShampooByNameIsNoStrongInhibitorExposure() {
        MedicationStatement shampoo = statement("s1", "active", text("ketoconazole 2% shampoo"));

        assertThat(record().with(shampoo).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .isEmpty();
    }

    @Test
    void ketoconazoleShampooByItsRxNormProductCodeIsNoExposureEither() {
        MedicationStatement shampoo = statement("s1", "active", concept(RXNORM, "106336", null));

        assertThat(record().with(shampoo).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .isEmpty();
    }

    @Test
    void aDraftedShampooIsNoDraftOfTheDrug() {
        MedicationRequest draft = request("d1", "draft", text("Nizoral 2% shampoo, apply to scalp"));
        draft.getMedicationCodeableConcept()
                .addCoding(new org.hl7.fhir.r4.model.Coding(RXNORM, "6135", "ketoconazole"));

        assertThat(record().withDrafts(draft).facts().drafts(Concepts.CYP3A_INHIBITORS))
                .isEmpty();
    }

    @Test
    void ketoconazoleTabletsByNameAreSystemicByTheirName() {
        MedicationStatement tablets = statement("s1", "active", text("ketoconazole 200 mg tablet"));

        assertThat(record().with(tablets).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.systemic()).isEqualTo(Route.Systemic.SYSTEMIC);
                    assertThat(f.route().basis()).isEqualTo("name \"ketoconazole 200 mg tablet\"");
                });
    }

    @Test
    void anIngredientCodeWithoutRouteOrFormCountsWithTheRouteUnknown() {
        MedicationStatement keto = statement("s1", "active", concept(RXNORM, "6135", "ketoconazole"));

        assertThat(record().with(keto).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.systemic()).isEqualTo(Route.Systemic.UNKNOWN);
                    assertThat(f.route()).isEqualTo(Route.NOT_RECORDED);
                });
    }

    @Test
    void aCodedOralRouteIsSystemicWhateverTheName() {
        MedicationStatement keto = statement("s1", "active", text("ketoconazole cream"));
        keto.addDosage().setRoute(concept(SNOMED, "26643006", "Oral route"));

        assertThat(record().with(keto).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .singleElement()
                .satisfies(f -> assertThat(f.route())
                        .isEqualTo(new Route(Route.Systemic.SYSTEMIC, "route SNOMED CT 26643006")));
    }

    @Test
    void anEdqmRouteUnderTheSwissOidIsRead() {
        MedicationStatement itra = statement("s1", "active", concept(RXNORM, "28031", "itraconazole"));
        itra.addDosage().setRoute(concept("urn:oid:0.4.0.127.0.16.1.1.2.1", "20053000", "Oral use"));

        assertThat(record().with(itra).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .singleElement()
                .satisfies(f -> assertThat(f.systemic()).isEqualTo(Route.Systemic.SYSTEMIC));
    }

    @Test
    void aTopicalRouteTextLeavesTheExposureOut() {
        MedicationStatement keto = statement("s1", "active", concept(RXNORM, "6135", "ketoconazole"));
        keto.addDosage().setRoute(new CodeableConcept().setText("Topical"));

        assertThat(record().with(keto).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .isEmpty();
    }

    @Test
    void theDosageTextGivesTheRouteWhenNothingIsCoded() {
        MedicationStatement keto = statement("s1", "active", concept(RXNORM, "6135", "ketoconazole"));
        keto.addDosage().setText("apply to scalp twice weekly");

        assertThat(record().with(keto).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .isEmpty();
    }

    @Test
    void theMedicationsFormGivesTheRoute() {
        Medication cream = new Medication();
        cream.setId("m1");
        cream.setCode(concept(RXNORM, "6135", "ketoconazole"));
        cream.setForm(new CodeableConcept().setText("Cream"));
        MedicationStatement use = statement("s1", "active", new Reference("Medication/m1"));

        assertThat(record().with(use).with("Medication/m1", cream).facts().exposures(Concepts.CYP3A_INHIBITORS))
                .isEmpty();
    }

    @Test
    void anOralTabletProductCodeIsSystemicByItsRxNormDoseForm() {
        MedicationStatement fluconazole = statement("s1", "active", concept(RXNORM, "197700", null));

        assertThat(record().with(fluconazole).facts().exposures(Concepts.CYP3A_MODERATE_INHIBITORS))
                .singleElement()
                .satisfies(f -> assertThat(f.route().basis()).isEqualTo("dose form \"Oral Tablet\""));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource({
        "http://www.nlm.nih.gov/research/umls/rxnorm, 21212, strong-cyp3a-inhibitors, INHIBITOR, STRONG",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 1306284, strong-cyp3a-inhibitors, INHIBITOR, STRONG",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 4450, moderate-cyp3a-inhibitors, INHIBITOR, MODERATE",
        "http://www.whocc.no/atc, A04AD12, moderate-cyp3a-inhibitors, INHIBITOR, MODERATE",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 1731071, moderate-cyp3a-inhibitors, INHIBITOR, MODERATE",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 8134, strong-cyp3a-inducers, INDUCER, STRONG",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 1307298, strong-cyp3a-inducers, INDUCER, STRONG",
        "http://www.whocc.no/atc, L02BB05, strong-cyp3a-inducers, INDUCER, STRONG",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 9384, strong-cyp3a-inducers, INDUCER, STRONG"
    })
    void eachCyp3aDrugCarriesItsEffectAndStrength(
            String system, String code, String valueSet, Cyp3a.Effect effect, Cyp3a.Strength strength) {
        MedicationStatement use = statement("s1", "active", concept(system, code, null));

        assertThat(record().with(use).facts().exposures(valueSet))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.effect()).contains(effect);
                    assertThat(f.strength()).contains(strength);
                });
    }

    @Test
    void aprepitantAndApalutamideMatchByNameWithTheirStrength() {
        PatientFacts facts = record().with(
                        statement("s1", "active", text("aprepitant 125 mg capsule")),
                        statement("s2", "active", text("apalutamide 60 mg tablet")))
                .facts();

        assertThat(facts.exposures(Concepts.CYP3A_MODERATE_INHIBITORS))
                .singleElement()
                .satisfies(f -> assertThat(f.byName()).isTrue());
        assertThat(facts.exposures(Concepts.CYP3A_INDUCERS))
                .singleElement()
                .satisfies(f -> assertThat(f.strength()).contains(Cyp3a.Strength.STRONG));
    }

    @Test
    void aDrugOutsideTheCyp3aClassesHasNoCyp3aEffect() {
        MedicationStatement doxorubicin = statement("s1", "completed", concept(RXNORM, "3639", "doxorubicin"));

        assertThat(record().with(doxorubicin).facts().exposures(Concepts.DOXORUBICIN))
                .singleElement()
                .satisfies(f -> assertThat(f.cyp3a()).isEmpty());
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "stopped   | Disease progression                        | PROGRESSION",
                "stopped   | PD after 4 cycles                          | PROGRESSION",
                "stopped   | Refractory disease                         | PROGRESSION",
                "completed | Progression                                | PROGRESSION",
                "stopped   | Rhabdomyolysis (CPK 12 x ULN)              | TOXICITY",
                "stopped   | Hepatotoxicity                             | TOXICITY",
                "stopped   | Intolerance                                | TOXICITY",
                "stopped   | Adverse reaction: neutropenic sepsis       | TOXICITY",
                "stopped   | Capillary leak syndrome                    | TOXICITY",
                "stopped   | DILI                                       | TOXICITY",
                "stopped   | Neutropenic sepsis                         | TOXICITY",
                "stopped   | Septic shock, ICU                          | TOXICITY",
                "completed | Completed 6 cycles, no progression         | COMPLETED",
                "completed | ''                                         | COMPLETED",
                "stopped   | Patient preference                         | OTHER",
                "stopped   | Switched to anti-PD-1 trial                | OTHER",
                "active    | On hold for toxicity                       | NONE"
            })
    void theStopCategoryComesFromTheStatusAndTheReasonsWords(String status, String reason, StopCategory expected) {
        MedicationStatement trabectedin = statement("s1", status, concept(ATC, "L01CX01", "trabectedin"));
        if (!reason.isEmpty()) {
            trabectedin.addStatusReason().setText(reason);
        }

        assertThat(record().with(trabectedin).facts().exposures(Concepts.TRABECTEDIN))
                .singleElement()
                .satisfies(f -> assertThat(f.stopCategory()).isEqualTo(expected));
    }

    @Test
    void aNoteGivesTheStopReasonTooAndEveryReasonIsKept() {
        MedicationStatement trabectedin = statement("s1", "stopped", concept(ATC, "L01CX01", "trabectedin"));
        trabectedin.addStatusReason().setText("Toxicity");
        trabectedin.addNote().setText("Rhabdomyolysis after cycle 3; also radiological progression");
        trabectedin.setEffective(new Period()
                .setStartElement(new DateTimeType("2025-01-06"))
                .setEndElement(new DateTimeType("2025-03-24")));

        PatientFacts facts = record().with(trabectedin).facts();

        assertThat(facts.trabectedinStops()).singleElement().satisfies(f -> {
            assertThat(f.stopCategory()).isEqualTo(StopCategory.PROGRESSION);
            assertThat(f.progressionRecorded()).isTrue();
            assertThat(f.toxicityRecorded()).isTrue();
            assertThat(f.stopDetail())
                    .isEqualTo("Toxicity; Rhabdomyolysis after cycle 3; also radiological progression");
            assertThat(f.end()).isEqualTo(LocalDate.of(2025, 3, 24));
            assertThat(f.note()).as("the card's note stays the first reason").isEqualTo("Toxicity");
        });
        assertThat(facts.progressionRecorded(facts.trabectedinStops().getFirst()))
                .isTrue();
    }

    @Test
    void trabectedinCompletedWithoutAReasonIsNoStopForProgressionOrToxicity() {
        MedicationStatement trabectedin = statement("s1", "completed", concept(ATC, "L01CX01", "trabectedin"));

        assertThat(record().with(trabectedin).facts().trabectedinStops()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "http://www.nlm.nih.gov/research/umls/rxnorm, 3995",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 5650",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 214468",
        "http://www.nlm.nih.gov/research/umls/rxnorm, 1732187",
        "http://www.whocc.no/atc, L01DB03",
        "http://www.whocc.no/atc, L01DB02"
    })
    void theOtherAnthracyclinesArePriorAnthracyclinesButNotDoxorubicin(String system, String code) {
        PatientFacts facts = record().with(statement("s1", "completed", concept(system, code, null)))
                .facts();

        assertThat(facts.anthracyclineExposures()).hasSize(1);
        assertThat(facts.exposures(Concepts.DOXORUBICIN)).isEmpty();
    }

    @Test
    void doxorubicinByTheAdriamycinBrandIsBothDoxorubicinAndAnAnthracycline() {
        PatientFacts facts = record().with(statement("s1", "completed", text("Adriamycin 50 mg/m2 IV")))
                .facts();

        assertThat(facts.anthracyclineExposures())
                .singleElement()
                .satisfies(f -> assertThat(f.byName()).isTrue());
        assertThat(facts.exposures(Concepts.DOXORUBICIN)).hasSize(1);
    }

    @Test
    void mitoxantroneAndTheAtcClassL01dbAreNoAnthracycline() {
        PatientFacts facts = record().with(
                        statement("s1", "completed", concept(ATC, "L01DB07", "mitoxantrone")),
                        statement("s2", "completed", concept(ATC, "L01DB", "Anthracyclines and related substances")),
                        statement("s3", "completed", text("pixantrone 50 mg/m2")),
                        statement("s4", "completed", text("valrubicin intravesical")))
                .facts();

        assertThat(facts.anthracyclineExposures()).isEmpty();
    }

    @Test
    void theCurrentLineOfTherapyCountsEachMedicationOnceAndNoSupportiveDrug() {
        PatientFacts facts = record().with(
                        statement("s1", "active", concept(RXNORM, "3639", "doxorubicin")),
                        statement("s2", "active", concept(RXNORM, "3264", "dexamethasone")),
                        statement("s3", "completed", concept(RXNORM, "12574", "gemcitabine")))
                .facts();

        assertThat(facts.currentSystemicTherapy())
                .extracting(Fact::reference)
                .containsExactly("MedicationStatement/s1");
    }

    @Test
    void anEpirubicinLineIsACurrentLineToo() {
        PatientFacts facts = record().with(statement("s1", "active", concept(RXNORM, "3995", "epirubicin")))
                .facts();

        assertThat(facts.currentSystemicTherapy())
                .singleElement()
                .satisfies(f -> assertThat(f.concept()).isEqualTo(Concepts.ANTHRACYCLINES));
    }

    @Test
    void aNegatedDrugNameIsNoExposureAndADoubtedOneIsUnconfirmed() {
        PatientFacts facts = record().with(
                        statement("s1", "active", text("No clarithromycin: macrolide allergy")),
                        statement("s2", "active", text("?voriconazole (ID to advise)")))
                .facts();

        assertThat(facts.exposures(Concepts.CYP3A_INHIBITORS)).singleElement().satisfies(f -> {
            assertThat(f.reference()).isEqualTo("MedicationStatement/s2");
            assertThat(f.unconfirmed()).isTrue();
            assertThat(f.note()).isEqualTo("not confirmed (\"?voriconazole (ID to advise)\")");
        });
    }

    private static CodeableConcept text(String name) {
        return new CodeableConcept().setText(name);
    }
}
