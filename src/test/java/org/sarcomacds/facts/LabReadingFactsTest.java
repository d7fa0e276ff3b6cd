package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.SNOMED;
import static org.sarcomacds.facts.FhirRecords.TODAY;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.quantity;
import static org.sarcomacds.facts.FhirRecords.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a quantity result is read against the patient: the reference range that applies (age, sex), the date of an
 * {@code effectiveInstant} or period, a comparator, a negative value, a date in the future, and an hCG that cannot be
 * judged (review 12, findings 1, 5, 6, 7, 8).
 */
class LabReadingFactsTest {

    private static final String BILIRUBIN = "1975-2";
    private static final String ALT = "1742-6";
    private static final String HCG = "19080-1";
    private static final LocalDate ADULT_BIRTH = LocalDate.of(1970, 5, 1);

    // ReferenceRangeThatApplies

    @Test
    void aNewbornRangeListedFirstIsNotAnAdultsUln() {
        Observation bilirubin = quantity("b", BILIRUBIN, 4.0, "mg/dL", TODAY, null);
        range(bilirubin, 12.0, "mg/dL").setAge(age(0, 7, "d"));
        range(bilirubin, 1.2, "mg/dL");

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.upperLimit()).isEqualTo(1.2);
        assertThat(result.timesUln()).hasValueSatisfying(x -> assertThat(x).isGreaterThan(3.3));
    }

    @Test
    void aNewbornsOwnRangeAppliesToANewborn() {
        Observation bilirubin = quantity("b", BILIRUBIN, 4.0, "mg/dL", TODAY, null);
        range(bilirubin, 12.0, "mg/dL").setAge(age(0, 7, "d"));
        range(bilirubin, 1.2, "mg/dL").setAge(age(18, 150, "a"));

        LabResult result = lab(record().patient("male", TODAY.minusDays(3)).with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.upperLimit()).isEqualTo(12.0);
    }

    @Test
    void aMaleRangeListedBeforeTheFemaleOneIsNotAWomansUln() {
        Observation alt = quantity("a", ALT, 90, "U/L", TODAY, null);
        range(alt, 50.0, "U/L").addAppliesTo(concept(SNOMED, "248153007", "Male"));
        range(alt, 33.0, "U/L").addAppliesTo(concept(SNOMED, "248152002", "Female"));

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(alt), Concepts.ALT);

        assertThat(result.upperLimit()).isEqualTo(33.0);
        assertThat(result.timesUln()).hasValueSatisfying(x -> assertThat(x).isGreaterThan(2.5));
    }

    @ParameterizedTest
    @CsvSource({
        "http://hl7.org/fhir/administrative-gender, male, , 50",
        "http://terminology.hl7.org/CodeSystem/v3-AdministrativeGender, F, , 33",
        ", , Male, 50",
        ", , female, 33"
    })
    void sexIsReadFromHl7CodesAndWords(String system, String code, String text, double expectedForFemaleIfMale) {
        Observation alt = quantity("a", ALT, 40, "U/L", TODAY, null);
        CodeableConcept sex = code == null ? new CodeableConcept().setText(text) : concept(system, code, null);
        range(alt, expectedForFemaleIfMale, "U/L").addAppliesTo(sex);
        boolean namesMale = expectedForFemaleIfMale == 50;

        LabResult forMale = lab(record().patient("male", ADULT_BIRTH).with(alt), Concepts.ALT);
        LabResult forFemale = lab(record().patient("female", ADULT_BIRTH).with(alt), Concepts.ALT);

        assertThat(namesMale ? forMale : forFemale)
                .extracting(LabResult::upperLimit)
                .isEqualTo(expectedForFemaleIfMale);
        assertThat(namesMale ? forFemale : forMale)
                .extracting(LabResult::range)
                .isEqualTo(LabResult.Range.NONE_APPLIES);
    }

    @Test
    void twoRangesThatApplyAndAgreeGiveTheirLimit() {
        Observation alt = quantity("a", ALT, 40, "U/L", TODAY, null);
        range(alt, 33.0, "U/L");
        range(alt, 33.0, "U/L").addAppliesTo(concept(SNOMED, "248152002", "Female"));

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(alt), Concepts.ALT);

        assertThat(result.range()).isEqualTo(LabResult.Range.IN_VALUE_UNIT);
        assertThat(result.upperLimit()).isEqualTo(33.0);
    }

    @Test
    void twoRangesThatApplyAndDisagreeCannotBeJudged() {
        Observation alt = quantity("a", ALT, 40, "U/L", TODAY, null);
        range(alt, 40.0, "U/L");
        range(alt, 33.0, "U/L").addAppliesTo(concept(SNOMED, "248152002", "Female"));

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(alt), Concepts.ALT);

        assertThat(result.range()).isEqualTo(LabResult.Range.RANGES_DISAGREE);
        assertThat(result.upperLimit()).isNull();
        assertThat(result.timesUln()).isEmpty();
    }

    @Test
    void oneRangeGivenInTwoUnitsOrBesideARangeInWordsIsNoDisagreement() {
        Observation bilirubin = quantity("b", BILIRUBIN, 1.0, "mg/dL", TODAY, null);
        range(bilirubin, 1.2, "mg/dL");
        range(bilirubin, 20.5, "umol/L");
        bilirubin.addReferenceRange().setText("0.1-1.2 mg/dL");

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.range()).isEqualTo(LabResult.Range.IN_VALUE_UNIT);
        assertThat(result.upperLimit()).isEqualTo(1.2);
    }

    @Test
    void noRangeThatAppliesCannotBeJudged() {
        Observation bilirubin = quantity("b", BILIRUBIN, 4.0, "mg/dL", TODAY, null);
        range(bilirubin, 12.0, "mg/dL").setAge(age(0, 7, "d"));
        range(bilirubin, 1.0, "mg/dL").setAge(age(1, 17, "a"));

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.range()).isEqualTo(LabResult.Range.NONE_APPLIES);
        assertThat(result.timesUln()).isEmpty();
    }

    @Test
    void aRestrictedRangeCannotBeShownToApplyWithoutTheBirthDateOrSex() {
        Observation bilirubin = quantity("b", BILIRUBIN, 4.0, "mg/dL", TODAY, null);
        range(bilirubin, 1.2, "mg/dL").setAge(age(18, 150, "a"));
        Observation alt = quantity("a", ALT, 40, "U/L", TODAY, null);
        range(alt, 33.0, "U/L").addAppliesTo(concept(SNOMED, "248152002", "Female"));

        PatientFacts facts = record().with(bilirubin, alt).facts();

        assertThat(facts.lab(Concepts.BILIRUBIN).orElseThrow().range()).isEqualTo(LabResult.Range.NONE_APPLIES);
        assertThat(facts.lab(Concepts.ALT).orElseThrow().range()).isEqualTo(LabResult.Range.NONE_APPLIES);
    }

    @Test
    void aUniqueUnrestrictedRangeIsPreferredToOneForAGroupNotRead() {
        Observation alt = quantity("a", ALT, 40, "U/L", TODAY, null);
        range(alt, 25.0, "U/L").addAppliesTo(new CodeableConcept().setText("pre-puberty"));
        range(alt, 33.0, "U/L");

        LabResult result = lab(record().patient("female", ADULT_BIRTH).with(alt), Concepts.ALT);

        assertThat(result.upperLimit()).isEqualTo(33.0);
    }

    @Test
    void anAdultRangeAppliesOnTheResultsDateNotToday() {
        Observation bilirubin = quantity("b", BILIRUBIN, 1.0, "mg/dL", LocalDate.of(2026, 4, 30), null);
        range(bilirubin, 1.2, "mg/dL").setAge(age(18, 150, "a"));

        LabResult result =
                lab(record().patient("male", LocalDate.of(2008, 5, 1)).with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.range()).as("17 on the day of the test").isEqualTo(LabResult.Range.NONE_APPLIES);
    }

    // Dates

    @Test
    void anEffectiveInstantDatesTheResult() {
        Observation bilirubin = quantity("b", BILIRUBIN, 4.0, "mg/dL", TODAY, 1.2);
        bilirubin.setEffective(new InstantType("2026-11-25T08:00:00Z"));

        assertThat(lab(record().with(bilirubin), Concepts.BILIRUBIN).date()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void aPeriodWithOnlyAnEndIsDatedByIt() {
        Observation bilirubin = quantity("b", BILIRUBIN, 4.0, "mg/dL", TODAY, 1.2);
        bilirubin.setEffective(new Period().setEndElement(new DateTimeType("2026-11-24T10:00:00Z")));

        assertThat(lab(record().with(bilirubin), Concepts.BILIRUBIN).date()).isEqualTo(LocalDate.of(2026, 11, 24));
    }

    @Test
    void aResultMoreThanADayInTheFutureIsNotRecent() {
        LabResult tomorrow =
                lab(record().with(quantity("b", BILIRUBIN, 0.5, "mg/dL", TODAY.plusDays(1), 1.2)), Concepts.BILIRUBIN);
        LabResult later =
                lab(record().with(quantity("b", BILIRUBIN, 0.5, "mg/dL", TODAY.plusDays(2), 1.2)), Concepts.BILIRUBIN);

        assertThat(tomorrow.isRecent(TODAY, 7)).as("a day ahead: time zones").isTrue();
        assertThat(tomorrow.isFutureDated(TODAY)).isFalse();
        assertThat(later.isRecent(TODAY, 7)).isFalse();
        assertThat(later.isFutureDated(TODAY)).isTrue();
    }

    // ValuesThatAreBoundsOrImplausible

    @Test
    void aBoundBelowTheUlnIsWithinIt() {
        Observation bilirubin = quantity("b", BILIRUBIN, 0.2, "mg/dL", TODAY, 1.2);
        bilirubin.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);

        LabResult result = lab(record().with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.comparator()).isEqualTo("<");
        assertThat(result.timesUln()).hasValueSatisfying(x -> assertThat(x).isLessThan(1.0));
    }

    @ParameterizedTest
    @CsvSource({"<, 2.0", ">, 0.5", ">=, 1.0", "<=, 1.3"})
    void aBoundThatMayLieAboveTheUlnCannotBeJudged(String comparator, double value) {
        Observation bilirubin = quantity("b", BILIRUBIN, value, "mg/dL", TODAY, 1.2);
        bilirubin.getValueQuantity().setComparator(Quantity.QuantityComparator.fromCode(comparator));

        LabResult result = lab(record().with(bilirubin), Concepts.BILIRUBIN);

        assertThat(result.censored()).isTrue();
        assertThat(result.timesUln()).isEmpty();
    }

    @Test
    void aNegativeValueIsImplausible() {
        LabResult result = lab(record().with(quantity("b", BILIRUBIN, -0.6, "mg/dL", TODAY, 1.2)), Concepts.BILIRUBIN);

        assertThat(result.range()).isEqualTo(LabResult.Range.IMPLAUSIBLE);
        assertThat(result.upperLimit()).isNull();
        assertThat(result.timesUln()).isEmpty();
    }

    // HcgThatCannotBeJudged

    @Test
    void aQuantitativeHcgWithARangeInWordsOnlyCannotBeJudged() {
        Observation hcg = quantity("h", HCG, 4850, "m[IU]/mL", TODAY.minusDays(2), null);
        hcg.addReferenceRange().setText("<5 non-pregnant");

        assertThat(record().with(hcg).facts().pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.judged()).isFalse();
            assertThat(p.pregnant()).isFalse();
            assertThat(p.how()).isEqualTo(Pregnancy.How.HCG_NOT_JUDGED);
            assertThat(p.reference()).isEqualTo("Observation/h");
        });
    }

    @Test
    void aQuantitativeHcgWithNoRangeCannotBeJudged() {
        Observation hcg = quantity("h", HCG, 4850, "m[IU]/mL", TODAY.minusDays(2), null);

        assertThat(record().with(hcg).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.judged()).isFalse());
    }

    @Test
    void anUnjudgedHcgDoesNotClearAnEarlierPositive() {
        Observation positive = quantity("pos", HCG, 1250, "[IU]/L", TODAY.minusDays(10), 5.0);
        Observation unjudged = quantity("h", HCG, 4850, "m[IU]/mL", TODAY.minusDays(2), null);

        assertThat(record().with(positive, unjudged).facts().pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.pregnant()).isTrue();
            assertThat(p.reference()).isEqualTo("Observation/pos");
        });
    }

    @Test
    void anUnjudgedHcgAfterANegativeIsTheAnswerAndBeforeItIsNot() {
        Observation negative = quantity("neg", HCG, 1, "[IU]/L", TODAY.minusDays(5), 5.0);
        Observation later = quantity("h", HCG, 4850, "m[IU]/mL", TODAY.minusDays(2), null);
        Observation earlier = quantity("e", HCG, 4850, "m[IU]/mL", TODAY.minusDays(9), null);

        assertThat(record().with(negative, later).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.reference()).isEqualTo("Observation/h"));
        assertThat(record().with(negative, earlier).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.reference()).isEqualTo("Observation/neg"));
    }

    @ParameterizedTest
    @CsvSource({"<, 2, false", ">, 5, true", ">=, 500, true"})
    void aBoundOnOneSideOfTheLimitIsJudged(String comparator, double value, boolean pregnant) {
        Observation hcg = quantity("h", HCG, value, "[IU]/L", TODAY.minusDays(2), 5.0);
        hcg.getValueQuantity().setComparator(Quantity.QuantityComparator.fromCode(comparator));

        assertThat(record().with(hcg).facts().pregnancy()).hasValueSatisfying(p -> {
            assertThat(p.judged()).isTrue();
            assertThat(p.pregnant()).isEqualTo(pregnant);
        });
    }

    @Test
    void aBoundAcrossTheLimitCannotBeJudged() {
        Observation hcg = quantity("h", HCG, 10, "[IU]/L", TODAY.minusDays(2), 5.0);
        hcg.getValueQuantity().setComparator(Quantity.QuantityComparator.LESS_THAN);

        assertThat(record().with(hcg).facts().pregnancy())
                .hasValueSatisfying(p -> assertThat(p.judged()).isFalse());
    }

    private static LabResult lab(FhirRecords record, String analyte) {
        return record.facts().lab(analyte).orElseThrow();
    }

    private static Observation.ObservationReferenceRangeComponent range(
            Observation observation, double high, String unit) {
        return observation
                .addReferenceRange()
                .setHigh(new Quantity().setValue(BigDecimal.valueOf(high)).setCode(unit));
    }

    private static Range age(int low, int high, String unit) {
        return new Range()
                .setLow(new Quantity().setValue(BigDecimal.valueOf(low)).setCode(unit))
                .setHigh(new Quantity().setValue(BigDecimal.valueOf(high)).setCode(unit));
    }
}
