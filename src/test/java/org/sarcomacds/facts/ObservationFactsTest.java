package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.LOINC;
import static org.sarcomacds.facts.FhirRecords.TODAY;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.quantity;
import static org.sarcomacds.facts.FhirRecords.record;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** Latest lab results, unit conversions, body surface area and NTRK fusion results. */
class ObservationFactsTest {

    private static final String BILIRUBIN = "1975-2";
    private static final String HEIGHT = "8302-2";
    private static final String WEIGHT = "29463-7";
    private static final String BSA = "8277-6";

    @Test
    void theLatestOfTwoResultsIsKeptWithItsUpperLimit() {
        PatientFacts facts = record().with(
                        quantity("old", BILIRUBIN, 2.5, "mg/dL", TODAY.minusDays(20), 1.2),
                        quantity("new", BILIRUBIN, 0.9, "mg/dL", TODAY.minusDays(3), 1.1))
                .facts();

        assertThat(facts.lab(Concepts.BILIRUBIN)).hasValueSatisfying(lab -> {
            assertThat(lab.reference()).isEqualTo("Observation/new");
            assertThat(lab.value()).isEqualTo(0.9);
            assertThat(lab.upperLimit()).isEqualTo(1.1);
            assertThat(lab.date()).isEqualTo(TODAY.minusDays(3));
        });
    }

    @Test
    void theLatestIsKeptWhicheverOrderTheRecordListsThem() {
        PatientFacts facts = record().with(
                        quantity("new", BILIRUBIN, 0.9, "mg/dL", TODAY.minusDays(3), 1.1),
                        quantity("old", BILIRUBIN, 2.5, "mg/dL", TODAY.minusDays(20), 1.2))
                .facts();

        assertThat(facts.lab(Concepts.BILIRUBIN))
                .hasValueSatisfying(lab -> assertThat(lab.reference()).isEqualTo("Observation/new"));
    }

    @Test
    void aPreliminaryResultIsIgnored() {
        Observation preliminary = quantity("pre", BILIRUBIN, 4.0, "mg/dL", TODAY.minusDays(1), 1.2);
        preliminary.setStatus(Observation.ObservationStatus.PRELIMINARY);

        PatientFacts facts = record().with(
                        quantity("fin", BILIRUBIN, 0.9, "mg/dL", TODAY.minusDays(5), 1.2), preliminary)
                .facts();

        assertThat(facts.lab(Concepts.BILIRUBIN))
                .hasValueSatisfying(lab -> assertThat(lab.reference()).isEqualTo("Observation/fin"));
    }

    @Test
    void timesUlnIsTheValueOverTheReferenceRangeHigh() {
        PatientFacts facts = record().with(quantity("b", BILIRUBIN, 1.8, "mg/dL", TODAY, 1.2))
                .facts();

        assertThat(facts.lab(Concepts.BILIRUBIN).flatMap(LabResult::timesUln))
                .hasValueSatisfying(x -> assertThat(x).isCloseTo(1.5, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void aReferenceLimitInAnotherUnitIsNoUpperLimitForTheValue() {
        Observation bilirubin = quantity("b", BILIRUBIN, 30, "umol/L", TODAY, null);
        bilirubin
                .addReferenceRange()
                .setHigh(new org.hl7.fhir.r4.model.Quantity()
                        .setValue(java.math.BigDecimal.valueOf(1.2))
                        .setCode("mg/dL"));

        PatientFacts facts = record().with(bilirubin).facts();

        assertThat(facts.lab(Concepts.BILIRUBIN).flatMap(LabResult::timesUln)).isEmpty();
    }

    @Test
    void cellCountsPerMicrolitreFromThousandsPerMicrolitreAndPerMicrolitre() {
        assertThat(lab(1.2, "10*3/uL").perMicrolitre()).contains(1200.0);
        assertThat(lab(1.2, "10*9/L").perMicrolitre()).contains(1200.0);
        assertThat(lab(90000, "/uL").perMicrolitre()).contains(90000.0);
        assertThat(lab(12, "%").perMicrolitre()).isEmpty();
    }

    @Test
    void haemoglobinInGramsPerDecilitreFromGramsPerLitre() {
        assertThat(lab(85, "g/L").gramsPerDecilitre()).contains(8.5);
        assertThat(lab(8.5, "g/dL").gramsPerDecilitre()).contains(8.5);
        assertThat(lab(5.3, "mmol/L").gramsPerDecilitre()).isEmpty();
    }

    @Test
    void bodySurfaceAreaByMostellerFromCentimetresAndKilograms() {
        PatientFacts facts = record().with(
                        quantity("h", HEIGHT, 178, "cm", TODAY.minusDays(400), null),
                        quantity("w", WEIGHT, 80, "kg", TODAY.minusDays(7), null))
                .facts();

        assertThat(facts.bsa()).hasValueSatisfying(bsa -> {
            assertThat(bsa.squareMetres()).isEqualTo(1.99);
            assertThat(bsa.how()).startsWith("Mosteller from height 178 cm").contains("weight 80 kg");
            assertThat(bsa.references()).containsExactly("Observation/h", "Observation/w");
        });
        assertThat(facts.body().problems()).isEmpty();
    }

    @Test
    void bodySurfaceAreaFromInchesAndPounds() {
        PatientFacts facts = record().with(
                        quantity("h", HEIGHT, 70, "[in_i]", TODAY.minusDays(30), null),
                        quantity("w", WEIGHT, 176, "[lb_av]", TODAY.minusDays(7), null))
                .facts();

        assertThat(facts.bsa()).hasValueSatisfying(bsa -> {
            assertThat(bsa.squareMetres()).isEqualTo(1.99);
            assertThat(bsa.how()).contains("177.8 cm").contains("79.8 kg");
        });
    }

    @Test
    void aWeightOlderThanThirtyDaysGivesNoBodySurfaceAreaAndSaysWhy() {
        LocalDate old = LocalDate.of(2026, 10, 27);
        PatientFacts facts = record().with(
                        quantity("h", HEIGHT, 178, "cm", TODAY.minusDays(10), null),
                        quantity("w", WEIGHT, 80, "kg", old, null))
                .facts();

        assertThat(facts.bsa()).isEmpty();
        assertThat(facts.body().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(BodyProblem.Kind.STALE_WEIGHT);
            assertThat(p.result().date()).isEqualTo(old);
            assertThat(p.windowDays()).isEqualTo(30);
        });
    }

    @Test
    void aWeightOfExactlyThirtyDaysIsStillUsed() {
        PatientFacts facts = record().with(
                        quantity("h", HEIGHT, 178, "cm", TODAY.minusDays(10), null),
                        quantity("w", WEIGHT, 80, "kg", TODAY.minusDays(30), null))
                .facts();

        assertThat(facts.bsa())
                .hasValueSatisfying(bsa -> assertThat(bsa.squareMetres()).isEqualTo(1.99));
    }

    @Test
    void aRecordedBodySurfaceAreaIsUsedWhenHeightIsMissing() {
        PatientFacts facts = record().with(
                        quantity("w", WEIGHT, 80, "kg", TODAY.minusDays(7), null),
                        quantity("bsa", BSA, 1.87, "m2", TODAY.minusDays(7), null))
                .facts();

        assertThat(facts.bsa()).hasValueSatisfying(bsa -> {
            assertThat(bsa.squareMetres()).isEqualTo(1.87);
            assertThat(bsa.how()).startsWith("recorded BSA");
            assertThat(bsa.references()).containsExactly("Observation/bsa");
        });
    }

    @Test
    void withoutHeightOrRecordedBodySurfaceAreaTheGapNamesTheHeight() {
        PatientFacts facts = record().with(quantity("w", WEIGHT, 80, "kg", TODAY.minusDays(7), null))
                .facts();

        assertThat(facts.bsa()).isEmpty();
        assertThat(facts.body().problems())
                .extracting(BodyProblem::kind)
                .containsExactly(BodyProblem.Kind.MISSING_HEIGHT);
    }

    @Test
    void ntrk3FusionPresentGivesAFusionFact() {
        PatientFacts facts =
                record().with(ntrk("n1", "HGNC:8033", true, "LA9633-4")).facts();

        assertThat(facts.ntrkFusions()).singleElement().satisfies(f -> {
            assertThat(f.reference()).isEqualTo("Observation/n1");
            assertThat(f.display()).isEqualTo("NTRK3 fusion");
            assertThat(f.byName()).isFalse();
        });
    }

    @Test
    void withoutTheFusionComponentThereIsNoFusion() {
        PatientFacts facts =
                record().with(ntrk("n1", "HGNC:8033", false, "LA9633-4")).facts();

        assertThat(facts.ntrkFusions()).isEmpty();
        assertThat(facts.ntrkResults()).isEmpty();
    }

    @Test
    void aFusionOfAnotherGeneIsNoNtrkFusion() {
        // HGNC:1097 is BRAF
        assertThat(record().with(ntrk("n1", "HGNC:1097", true, "LA9633-4"))
                        .facts()
                        .ntrkFusions())
                .isEmpty();
    }

    @Test
    void anNtrkFusionNotReportedPresentIsAResultButNoFusion() {
        // LA9634-2 is "Absent"
        PatientFacts facts =
                record().with(ntrk("n1", "HGNC:8033", true, "LA9634-2")).facts();

        assertThat(facts.ntrkFusions()).isEmpty();
        assertThat(facts.ntrkResults())
                .singleElement()
                .satisfies(f -> assertThat(f.current()).isFalse());
    }

    private static LabResult lab(double value, String unit) {
        return new LabResult("x", "x", value, unit, null, TODAY, "Observation/x");
    }

    private static Observation ntrk(String id, String hgnc, boolean fusionComponent, String answer) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(LOINC, "69548-6", "Genetic variant assessment"));
        observation.setValue(concept(LOINC, answer, null));
        observation.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-10-01"));
        observation
                .addComponent()
                .setCode(concept(LOINC, "48018-6", "Gene studied"))
                .setValue(concept("http://www.genenames.org", hgnc, hgnc.equals("HGNC:8033") ? "NTRK3" : "BRAF"));
        if (fusionComponent) {
            observation
                    .addComponent()
                    .setCode(concept(LOINC, "48019-4", "DNA change type"))
                    .setValue(concept("http://www.sequenceontology.org", "SO:0001565", "gene_fusion"));
        }
        return observation;
    }
}
