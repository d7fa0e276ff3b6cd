package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.LOINC;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.TODAY;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.quantity;
import static org.sarcomacds.facts.FhirRecords.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Result ages and windows, reference ranges without units, LVEF by method, ECOG, pregnancy status and hCG. */
class ResultFactsTest {

    private static final String BILIRUBIN = "1975-2";
    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    @Test
    void aResultKnowsItsAgeAndWhetherItIsRecent() {
        LabResult result = lab(TODAY.minusDays(7));

        assertThat(result.ageDays(TODAY)).contains(7L);
        assertThat(result.isRecent(TODAY, 7)).isTrue();
        assertThat(result.isRecent(TODAY, 6)).isFalse();
    }

    @Test
    void anUndatedResultIsNeverRecent() {
        LabResult undated = lab(null);

        assertThat(undated.ageDays(TODAY)).isEmpty();
        assertThat(undated.isRecent(TODAY, 10_000)).isFalse();
    }

    @Test
    void recentLabIsTheLatestResultOnlyWithinTheWindow() {
        PatientFacts facts = record().with(quantity("b", BILIRUBIN, 0.8, "mg/dL", TODAY.minusDays(23 * 30), 1.2))
                .facts();

        assertThat(facts.lab(Concepts.BILIRUBIN)).as("any age").isPresent();
        assertThat(facts.recentLab(Concepts.BILIRUBIN, 7)).as("23 months old").isEmpty();
        assertThat(facts.recentLab(Concepts.BILIRUBIN, 800)).isPresent();
    }

    @Test
    void aResultWithOnlyAnIssuedDateIsDatedByIt() {
        Observation bilirubin = quantity("b", BILIRUBIN, 0.8, "mg/dL", TODAY, 1.2);
        bilirubin.setEffective(null);
        bilirubin.setIssuedElement(new InstantType("2026-11-25T08:00:00Z"));

        assertThat(record().with(bilirubin).facts().recentLab(Concepts.BILIRUBIN, 7))
                .hasValueSatisfying(l -> assertThat(l.date()).isEqualTo(LocalDate.of(2026, 11, 25)));
    }

    @Test
    void aReferenceLimitWithoutAUnitIsNotAssumedToBeInTheValuesUnit() {
        Observation bilirubin = quantity("b", BILIRUBIN, 1.8, "mg/dL", TODAY, null);
        bilirubin.addReferenceRange().setHigh(new Quantity().setValue(BigDecimal.valueOf(1.2)));

        LabResult result =
                record().with(bilirubin).facts().lab(Concepts.BILIRUBIN).orElseThrow();

        assertThat(result.range()).isEqualTo(LabResult.Range.WITHOUT_UNIT);
        assertThat(result.upperLimit()).isNull();
        assertThat(result.timesUln()).as("cannot be judged").isEmpty();
    }

    @Test
    void aReferenceLimitInAnotherUnitIsNamedSo() {
        Observation bilirubin = quantity("b", BILIRUBIN, 30, "umol/L", TODAY, null);
        bilirubin
                .addReferenceRange()
                .setHigh(new Quantity().setValue(BigDecimal.valueOf(1.2)).setCode("mg/dL"));

        assertThat(record().with(bilirubin)
                        .facts()
                        .lab(Concepts.BILIRUBIN)
                        .orElseThrow()
                        .range())
                .isEqualTo(LabResult.Range.OTHER_UNIT);
    }

    @Test
    void aResultWithoutRangeSaysSo() {
        assertThat(record().with(quantity("b", BILIRUBIN, 0.8, "mg/dL", TODAY, null))
                        .facts()
                        .lab(Concepts.BILIRUBIN)
                        .orElseThrow()
                        .range())
                .isEqualTo(LabResult.Range.NOT_RECORDED);
    }

    @ParameterizedTest
    @CsvSource({"10230-1", "18043-0", "8806-2", "8807-0", "8812-0", "8811-2", "8808-8"})
    void lvefByAnyMethodIsAnLvefWithItsLowerLimit(String loinc) {
        Observation lvef = quantity("e", loinc, 48, "%", TODAY.minusDays(20), null);
        lvef.addReferenceRange()
                .setLow(new Quantity().setValue(BigDecimal.valueOf(52)).setCode("%"))
                .setHigh(new Quantity().setValue(BigDecimal.valueOf(72)).setCode("%"));

        assertThat(record().with(lvef).facts().lab(Concepts.LVEF)).hasValueSatisfying(l -> {
            assertThat(l.value()).isEqualTo(48.0);
            assertThat(l.lowerLimit()).isEqualTo(52.0);
            assertThat(l.upperLimit()).isEqualTo(72.0);
            assertThat(l.range()).isEqualTo(LabResult.Range.IN_VALUE_UNIT);
        });
    }

    @Test
    void ecogAsAnInteger() {
        PatientFacts facts = record().with(observation("e", "89247-1", new IntegerType(3), 20))
                .facts();

        assertThat(facts.ecog()).hasValueSatisfying(e -> {
            assertThat(e.score()).isEqualTo(3);
            assertThat(e.date()).isEqualTo(TODAY.minusDays(20));
            assertThat(e.reference()).isEqualTo("Observation/e");
            assertThat(e.matchedOn()).isEqualTo("LOINC 89247-1, value 3");
        });
    }

    @Test
    void ecogAsALoincAnswerOfEitherCode() {
        PatientFacts facts = record().with(observation("e", "89262-0", concept(LOINC, "LA9625-0", "ECOG 3"), 5))
                .facts();

        assertThat(facts.ecog()).hasValueSatisfying(e -> {
            assertThat(e.score()).isEqualTo(3);
            assertThat(e.matchedOn()).isEqualTo("LOINC 89262-0, answer LA9625-0");
        });
    }

    @Test
    void ecogByTheSnomedCodeWithGradeZero() {
        Observation ecog = observation("e", "x", concept(LOINC, "LA9622-7", null), 5);
        ecog.setCode(concept(SNOMED, "423740007", "ECOG performance status"));

        assertThat(record().with(ecog).facts().ecog())
                .hasValueSatisfying(e -> assertThat(e.score()).isZero());
    }

    @Test
    void anOldEcogIsNoCurrentEcogButStaysTheLatest() {
        PatientFacts facts = record().with(observation("e", "89247-1", new IntegerType(1), 91))
                .facts();

        assertThat(facts.ecog()).isEmpty();
        assertThat(facts.latestEcog())
                .hasValueSatisfying(e -> assertThat(e.recent()).isFalse());
    }

    @Test
    void theLatestEcogWinsAndAnUnreadableGradeIsNone() {
        PatientFacts facts = record().with(
                        observation("old", "89247-1", new IntegerType(1), 60),
                        observation("new", "89247-1", new IntegerType(3), 10),
                        observation("unknown", "89262-0", concept(LOINC, "LA4489-6", "unknown"), 1),
                        observation("nine", "89247-1", new IntegerType(9), 1))
                .facts();

        assertThat(facts.ecog())
                .hasValueSatisfying(e -> assertThat(e.reference()).isEqualTo("Observation/new"));
    }

    /** Review 12, finding 16: the grade sent as a quantity or a string. */
    @Test
    void ecogAsAWholeDimensionlessQuantityOrAStringOfTheGrade() {
        Observation quantity = observation("q", "89247-1", new Quantity().setValue(3), 5);
        Observation score =
                observation("s", "89247-1", new Quantity().setValue(2).setCode("{score}"), 5);
        Observation text = observation("t", "89247-1", new StringType(" 3 "), 5);

        assertThat(record().with(quantity).facts().ecog()).hasValueSatisfying(e -> {
            assertThat(e.score()).isEqualTo(3);
            assertThat(e.matchedOn()).isEqualTo("LOINC 89247-1, value 3");
        });
        assertThat(record().with(score).facts().ecog())
                .hasValueSatisfying(e -> assertThat(e.score()).isEqualTo(2));
        assertThat(record().with(text).facts().ecog())
                .hasValueSatisfying(e -> assertThat(e.score()).isEqualTo(3));
    }

    @Test
    void anEcogWhoseValueIsNoGradeIsKeptAsRecordedButNotReadable() {
        for (Observation unreadable : List.of(
                observation("u", "89247-1", new StringType("good"), 5),
                observation("u", "89247-1", new StringType("3-4"), 5),
                observation("u", "89247-1", new Quantity().setValue(2.5), 5),
                observation("u", "89247-1", new Quantity().setValue(3).setCode("kg"), 5),
                observation("u", "89247-1", new IntegerType(9), 5),
                observation("u", "89262-0", concept(LOINC, "LA4489-6", "unknown"), 5))) {
            PatientFacts facts = record().with(unreadable).facts();

            assertThat(facts.latestEcog()).as(unreadable.getValue().toString()).isEmpty();
            assertThat(facts.unreadableEcog()).hasValueSatisfying(f -> {
                assertThat(f.reference()).isEqualTo("Observation/u");
                assertThat(f.start()).isEqualTo(TODAY.minusDays(5));
            });
        }
    }

    @Test
    void pregnancyStatusPregnant() {
        PatientFacts facts = record().with(observation("p", "82810-3", concept(SNOMED, "77386006", "Pregnant"), 30))
                .facts();

        assertThat(facts.pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.pregnant()).isTrue();
            assertThat(p.how()).isEqualTo(Pregnancy.How.STATUS_ANSWER);
            assertThat(p.reference()).isEqualTo("Observation/p");
        });
    }

    @Test
    void aPregnancyRecordedForAMalePatientIsKeptAndMarkedAsConflicting() {
        Observation status = observation("p", "82810-3", concept(SNOMED, "77386006", "Pregnant"), 30);

        assertThat(record().patient("male", null).with(status).facts().pregnancy())
                .hasValueSatisfying(p -> {
                    assertThat(p.pregnant()).isTrue();
                    assertThat(p.patientRecordedMale()).isTrue();
                });
        assertThat(record().patient("female", null).with(status).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.patientRecordedMale()).isFalse());
    }

    @Test
    void aLaterNotPregnantClearsAnEarlierPositiveHcg() {
        Observation hcg = observation("h", "2106-3", concept(SNOMED, "x", "Positive"), 60);
        hcg.addInterpretation(concept(INTERPRETATION, "POS", "Positive"));
        PatientFacts facts = record().with(
                        hcg, observation("p", "82810-3", concept(SNOMED, "60001007", "Not pregnant"), 10))
                .facts();

        assertThat(facts.pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.pregnant()).isFalse();
            assertThat(p.reference()).isEqualTo("Observation/p");
        });
    }

    @Test
    void aPregnancyBeforeTheLookbackIsNone() {
        assertThat(record().with(observation("p", "82810-3", concept(SNOMED, "77386006", "Pregnant"), 281))
                        .facts()
                        .pregnancy())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"POS", "H", "HH", "A"})
    void aPositiveHcgByInterpretation(String code) {
        Observation hcg = observation("h", "2118-8", new StringType("see report"), 2);
        hcg.addInterpretation(concept(INTERPRETATION, code, null));

        assertThat(record().with(hcg).facts().pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.pregnant()).isTrue();
            assertThat(p.how()).isEqualTo(Pregnancy.How.HCG_INTERPRETATION);
        });
    }

    @Test
    void aQuantitativeHcgAboveItsRangeIsPositiveAndWithinItNegative() {
        Observation high = quantity("high", "19080-1", 1250, "[IU]/L", TODAY.minusDays(2), 5.0);
        Observation low = quantity("low", "21198-7", 2, "[IU]/L", TODAY.minusDays(2), 5.0);

        assertThat(record().with(high).facts().pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.pregnant()).isTrue();
            assertThat(p.how()).isEqualTo(Pregnancy.How.HCG_ABOVE_RANGE);
        });
        assertThat(record().with(low).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.pregnant()).isFalse());
    }

    @Test
    void aQuantitativeHcgWithoutARangeInItsUnitCannotBeJudged() {
        Observation hcg = quantity("h", "19080-1", 1250, "[IU]/L", TODAY.minusDays(2), null);
        hcg.addReferenceRange().setHigh(new Quantity().setValue(BigDecimal.valueOf(5)));

        assertThat(record().with(hcg).facts().pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.judged()).isFalse();
            assertThat(p.pregnant()).isFalse();
        });
    }

    @ParameterizedTest
    @CsvSource({"Positive, true", "DETECTED, true", "Negative, false", "Not detected, false", "Indeterminate, "})
    void aQualitativeHcgByItsWords(String words, Boolean pregnant) {
        Observation hcg = observation("h", "2106-3", new StringType(words), 2);

        var pregnancy = record().with(hcg).facts().pregnancy();

        if (pregnant == null) {
            assertThat(pregnancy).isEmpty();
        } else {
            assertThat(pregnancy).hasValueSatisfying(p -> {
                assertThat(p.pregnant()).isEqualTo(pregnant);
                assertThat(p.byWords()).isTrue();
            });
        }
    }

    @Test
    void aCodedQualitativeValueIsReadByItsDisplay() {
        Observation hcg = observation("h", "80384-1", new CodeableConcept().setText("Positive"), 2);

        assertThat(record().with(hcg).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.pregnant()).isTrue());
    }

    private static LabResult lab(LocalDate date) {
        return new LabResult(Concepts.BILIRUBIN, "Bilirubin", 0.8, "mg/dL", 1.2, date, "Observation/b");
    }

    private static Observation observation(String id, String loinc, Type value, int daysAgo) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(LOINC, loinc, null));
        observation.setValue(value);
        observation.setEffective(new DateTimeType(TODAY.minusDays(daysAgo).toString()));
        return observation;
    }
}
