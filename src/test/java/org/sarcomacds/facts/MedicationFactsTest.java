package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.ATC;
import static org.sarcomacds.facts.FhirRecords.LOCAL;
import static org.sarcomacds.facts.FhirRecords.RXNORM;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.record;
import static org.sarcomacds.facts.FhirRecords.request;
import static org.sarcomacds.facts.FhirRecords.statement;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Stop reasons, ifosfamide dose per cycle, product codes, current requests and CYP3A classes. */
class MedicationFactsTest {

    @Test
    void statusReasonTextLandsInTheNote() {
        MedicationStatement pazopanib = statement("s1", "stopped", concept(RXNORM, "714438", "pazopanib"));
        pazopanib.addStatusReason().setText("Disease progression");

        assertThat(record().with(pazopanib).facts().exposures(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(f -> assertThat(f.note()).isEqualTo("Disease progression"));
    }

    @Test
    void requestStatusReasonLandsInTheNote() {
        MedicationRequest pazopanib = request("r1", "stopped", concept(RXNORM, "714438", "pazopanib"));
        pazopanib.setStatusReason(new CodeableConcept().setText("Intolerance: hepatotoxicity"));

        assertThat(record().with(pazopanib).facts().exposures(Concepts.PAZOPANIB))
                .singleElement()
                .satisfies(f -> assertThat(f.note()).isEqualTo("Intolerance: hepatotoxicity"));
    }

    @Test
    void ifosfamideDosePerCycleIsDoseTimesAdministrations() {
        assertThat(ifosfamideDose(2, "g/m2", 5)).isEqualTo(10.0);
    }

    @Test
    void ifosfamideDoseInMilligramsPerSquareMetreIsConverted() {
        assertThat(ifosfamideDose(2000, "mg/m2", 5)).isEqualTo(10.0);
    }

    @Test
    void ifosfamideDoseWithoutRepeatCountIsOneAdministration() {
        assertThat(ifosfamideDose(3, "g/m2", null)).isEqualTo(3.0);
    }

    @Test
    void ifosfamideDoseInAnUnreadUnitIsNotRecorded() {
        assertThat(ifosfamideDose(3, "g", 5)).isNull();
    }

    @Test
    void freeTextIfosfamideDoseIsNotParsed() {
        MedicationStatement ifosfamide = statement("s1", "completed", concept(RXNORM, "5657", "ifosfamide"));
        ifosfamide.addDosage().setText("ifosfamide 2 g/m2 days 1-5 (10 g/m2 per cycle)");

        assertThat(record().with(ifosfamide).facts().exposures(Concepts.IFOSFAMIDE))
                .singleElement()
                .satisfies(f -> assertThat(f.gramsPerM2PerCycle()).isNull());
    }

    @Test
    void localProductCodeMatchesDoxorubicinThroughTheConceptMap() {
        Medication product = new Medication();
        product.setCode(concept(LOCAL, "10045", "DOXOrubicin 2 mg/mL injection"));
        MedicationStatement given = statement("s1", "completed", new Reference("Medication/m1"));

        PatientFacts facts = record().with(given).with("Medication/m1", product).facts();

        assertThat(facts.exposures(Concepts.DOXORUBICIN)).singleElement().satisfies(f -> {
            assertThat(f.matchedOn()).isEqualTo("product code 10045 mapped to RxNorm 3639");
            assertThat(f.byName()).isFalse();
            assertThat(f.reference()).isEqualTo("MedicationStatement/s1");
        });
    }

    @Test
    void unknownLocalProductCodeMatchesNothing() {
        Medication product = new Medication();
        product.setCode(concept(LOCAL, "99999", "Unlisted product"));
        MedicationStatement given = statement("s1", "completed", new Reference("Medication/m1"));

        assertThat(record().with(given).with("Medication/m1", product).facts().medications())
                .isEmpty();
    }

    @Test
    void onHoldRequestIsCurrent() {
        MedicationRequest held = request("r1", "on-hold", concept(ATC, "L01CX01", "trabectedin"));

        assertThat(record().with(held).facts().currentExposures(Concepts.TRABECTEDIN))
                .singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo("on-hold"));
    }

    @Test
    void completedRequestIsNotCurrent() {
        MedicationRequest done = request("r1", "completed", concept(ATC, "L01CX01", "trabectedin"));

        PatientFacts facts = record().with(done).facts();

        assertThat(facts.exposures(Concepts.TRABECTEDIN)).hasSize(1);
        assertThat(facts.currentExposures(Concepts.TRABECTEDIN)).isEmpty();
    }

    @Test
    void strongCyp3aInhibitorByRxNorm() {
        MedicationStatement clarithromycin = statement("s1", "active", concept(RXNORM, "21212", "clarithromycin"));

        assertThat(record().with(clarithromycin).facts().currentExposures(Concepts.CYP3A_INHIBITORS))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("RxNorm 21212"));
    }

    @Test
    void strongCyp3aInducerByAtc() {
        MedicationStatement rifampicin = statement("s1", "active", concept(ATC, "J04AB02", "rifampicin"));

        PatientFacts facts = record().with(rifampicin).facts();

        assertThat(facts.currentExposures(Concepts.CYP3A_INDUCERS))
                .singleElement()
                .satisfies(f -> assertThat(f.matchedOn()).isEqualTo("ATC J04AB02"));
        assertThat(facts.currentExposures(Concepts.CYP3A_INHIBITORS)).isEmpty();
    }

    private static Double ifosfamideDose(double value, String unit, Integer count) {
        MedicationStatement ifosfamide = statement("s1", "completed", concept(RXNORM, "5657", "ifosfamide"));
        Dosage dosage = ifosfamide.addDosage();
        dosage.addDoseAndRate()
                .setDose(new Quantity()
                        .setValue(BigDecimal.valueOf(value))
                        .setCode(unit)
                        .setSystem("http://unitsofmeasure.org"));
        if (count != null) {
            dosage.getTiming().getRepeat().setCount(count);
        }
        return record().with(ifosfamide)
                .facts()
                .exposures(Concepts.IFOSFAMIDE)
                .get(0)
                .gramsPerM2PerCycle();
    }
}
