package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.TODAY;
import static org.sarcomacds.facts.FhirRecords.quantity;
import static org.sarcomacds.facts.FhirRecords.record;

import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.BodyProblem.Kind;

/**
 * Height and weight are judged against the bounds and windows of {@code body} in hooks/parameters.json (height
 * 100-230 cm, weight 25-300 kg, BSA 0.8-3.0 m², weight change at most 10%, weight within 30 days, height within 10
 * years) before a BSA is calculated; each problem carries the values a card needs.
 */
class BodyMeasurementsTest {

    private static final String HEIGHT = "8302-2";
    private static final String WEIGHT = "29463-7";
    private static final String BSA = "8277-6";

    @Test
    void aPlausibleRecentHeightAndWeightGiveTheBsa() {
        BodyMeasurements body = body(height(178, "cm", 400), weight(80, "kg", 7));

        assertThat(body.problems()).isEmpty();
        assertThat(body.bsa())
                .hasValueSatisfying(bsa -> assertThat(bsa.squareMetres()).isEqualTo(1.99));
        assertThat(body.height())
                .hasValueSatisfying(h -> assertThat(h.reference()).isEqualTo("Observation/h"));
    }

    @Test
    void aWeightTypoOf824KilogramsGivesNoBsaAndNamesTheBound() {
        BodyMeasurements body = body(height(178, "cm", 400), weight(824, "kg", 2));

        assertThat(body.bsa()).isEmpty();
        assertThat(body.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.IMPLAUSIBLE_WEIGHT);
            assertThat(p.result().value()).isEqualTo(824.0);
            assertThat(p.result().unit()).isEqualTo("kg");
            assertThat(p.converted()).isEqualTo(824.0);
            assertThat(p.bound()).isEqualTo(300.0);
        });
    }

    @Test
    void aHeightOfOnePointSevenTwoCentimetresIsImplausibleNotReadAsMetres() {
        BodyMeasurements body = body(height(1.72, "cm", 10), weight(70, "kg", 2));

        assertThat(body.bsa()).isEmpty();
        assertThat(body.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.IMPLAUSIBLE_HEIGHT);
            assertThat(p.converted()).isEqualTo(1.72);
            assertThat(p.bound()).isEqualTo(100.0);
        });
    }

    @Test
    void aHeightRecordedInMetresIsConverted() {
        assertThat(body(height(1.72, "m", 10), weight(70, "kg", 2)).bsa())
                .hasValueSatisfying(bsa -> assertThat(bsa.squareMetres()).isEqualTo(1.83));
    }

    @Test
    void aWeightOfZeroIsImplausible() {
        assertThat(body(height(165, "cm", 10), weight(0, "kg", 2)).problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.IMPLAUSIBLE_WEIGHT);
                    assertThat(p.bound()).isEqualTo(25.0);
                });
    }

    @Test
    void aWeightInPoundsIsJudgedInKilograms() {
        assertThat(body(height(178, "cm", 10), weight(1800, "[lb_av]", 2)).problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.IMPLAUSIBLE_WEIGHT);
                    assertThat(p.converted()).isCloseTo(816.5, org.assertj.core.data.Offset.offset(0.1));
                });
    }

    @Test
    void aWeightChangeOfMoreThanTenPercentGivesNoBsaAndBothWeights() {
        Observation before = weight(80, "kg", 40);
        before.setId("w0");
        BodyMeasurements body = body(height(178, "cm", 100), weight(70, "kg", 3), before);

        assertThat(body.bsa()).isEmpty();
        assertThat(body.previousWeight())
                .hasValueSatisfying(w -> assertThat(w.reference()).isEqualTo("Observation/w0"));
        assertThat(body.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.WEIGHT_CHANGE);
            assertThat(p.percent()).isEqualTo(12.5);
            assertThat(p.bound()).isEqualTo(10.0);
            assertThat(p.result().value()).isEqualTo(70.0);
            assertThat(p.previous().value()).isEqualTo(80.0);
            assertThat(p.previous().date()).isEqualTo(TODAY.minusDays(40));
        });
    }

    @Test
    void aWeightChangeOfExactlyTenPercentIsAccepted() {
        Observation before = weight(80, "kg", 40);
        before.setId("w0");

        assertThat(body(height(178, "cm", 100), weight(72, "kg", 3), before).problems())
                .isEmpty();
    }

    @Test
    void anImplausibleEarlierWeightIsNoWeightChange() {
        Observation typo = weight(824, "kg", 40);
        typo.setId("w0");

        assertThat(body(height(178, "cm", 100), weight(82.4, "kg", 3), typo).problems())
                .isEmpty();
    }

    @Test
    void aWeightOlderThanThirtyDaysIsStaleWithItsWindow() {
        assertThat(body(height(178, "cm", 100), weight(80, "kg", 31)).problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.STALE_WEIGHT);
                    assertThat(p.windowDays()).isEqualTo(30);
                });
    }

    @Test
    void anUndatedWeightIsStale() {
        Observation undated = weight(80, "kg", 1);
        undated.setEffective(null);

        assertThat(body(height(178, "cm", 100), undated).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.STALE_WEIGHT));
    }

    @Test
    void aHeightOrWeightDatedInTheFutureIsNotCalledStale() {
        assertThat(body(height(178, "cm", -10), weight(80, "kg", 1)).problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.FUTURE_DATED);
                    assertThat(p.windowDays()).isNull();
                });
        assertThat(body(height(178, "cm", 100), weight(80, "kg", -2)).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.FUTURE_DATED));
        assertThat(body(height(178, "cm", 100), weight(80, "kg", -1)).problems())
                .as("a day ahead allows for time zones")
                .isEmpty();
    }

    @Test
    void aHeightOlderThanTenYearsIsStale() {
        assertThat(body(height(178, "cm", 3651), weight(80, "kg", 1)).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Kind.STALE_HEIGHT));
    }

    @Test
    void aBsaOutsideItsBoundsGivesNoBsaEvenFromPlausibleMeasurements() {
        BodyMeasurements body = body(height(229, "cm", 10), weight(295, "kg", 1));

        assertThat(body.bsa()).isEmpty();
        assertThat(body.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.IMPLAUSIBLE_BSA);
            assertThat(p.converted()).isEqualTo(4.33);
            assertThat(p.bound()).isEqualTo(3.0);
            assertThat(p.result()).as("a calculated BSA has no Observation").isNull();
        });
    }

    @Test
    void missingHeightAndWeightAreBothNamed() {
        assertThat(body().problems())
                .extracting(BodyProblem::kind)
                .containsExactly(Kind.MISSING_HEIGHT, Kind.MISSING_WEIGHT);
    }

    @Test
    void aUnitWeDoNotReadIsNamed() {
        assertThat(body(height(5.8, "[ft_i]", 10), weight(80, "kg", 1)).problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(Kind.UNIT_NOT_READ);
                    assertThat(p.result().unit()).isEqualTo("[ft_i]");
                });
    }

    @Test
    void aRecentRecordedBsaStandsInForAMissingHeight() {
        BodyMeasurements body = body(weight(80, "kg", 3), quantity("bsa", BSA, 1.95, "m2", TODAY.minusDays(3), null));

        assertThat(body.problems()).isEmpty();
        assertThat(body.bsa()).hasValueSatisfying(bsa -> assertThat(bsa.how()).startsWith("recorded BSA"));
    }

    @Test
    void aRecordedBsaOutsideItsBoundsIsNamed() {
        BodyMeasurements body = body(weight(80, "kg", 3), quantity("bsa", BSA, 6.38, "m2", TODAY.minusDays(3), null));

        assertThat(body.bsa()).isEmpty();
        assertThat(body.problems())
                .extracting(BodyProblem::kind)
                .containsExactly(Kind.MISSING_HEIGHT, Kind.IMPLAUSIBLE_BSA);
        assertThat(body.problems().get(1).result().reference()).isEqualTo("Observation/bsa");
    }

    @Test
    void aRecordedBsaNeverStandsInForAnImplausibleWeight() {
        BodyMeasurements body = body(
                height(178, "cm", 10),
                weight(824, "kg", 3),
                quantity("bsa", BSA, 1.95, "m2", TODAY.minusDays(3), null));

        assertThat(body.bsa()).isEmpty();
        assertThat(body.problems()).extracting(BodyProblem::kind).containsExactly(Kind.IMPLAUSIBLE_WEIGHT);
    }

    private static Observation height(double value, String unit, int daysAgo) {
        return quantity("h", HEIGHT, value, unit, TODAY.minusDays(daysAgo), null);
    }

    private static Observation weight(double value, String unit, int daysAgo) {
        return quantity("w", WEIGHT, value, unit, TODAY.minusDays(daysAgo), null);
    }

    private static BodyMeasurements body(Observation... observations) {
        return record().with(observations).facts().body();
    }
}
