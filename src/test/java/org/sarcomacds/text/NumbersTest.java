package org.sarcomacds.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void ordinaryValuesHaveAtMostTwoDecimalsAndNoTrailingZero() {
        assertThat(Numbers.plain(77)).isEqualTo("77");
        assertThat(Numbers.plain(1.5)).isEqualTo("1.5");
        assertThat(Numbers.plain(0.6666)).isEqualTo("0.67");
        assertThat(Numbers.plain(-0.6)).isEqualTo("-0.6");
        assertThat(Numbers.plain(0)).isEqualTo("0");
        assertThat(Numbers.plain(9_999_999)).isEqualTo("9999999");
    }

    /** Review 12, finding 17: a weight of 1e308 kg read "92233720368547760 kg" (the long the rounding overflowed to). */
    @Test
    void aHugeValueIsShownInPowersOfTenNeverAsAnOverflowedNumber() {
        assertThat(Numbers.plain(1e308)).isEqualTo("1 × 10³⁰⁸");
        assertThat(Numbers.plain(-1e308)).isEqualTo("-1 × 10³⁰⁸");
        assertThat(Numbers.plain(1.2345e20)).isEqualTo("1.23 × 10²⁰");
        assertThat(Numbers.plain(12_345_678.5))
                .as("Double.toString would write 1.23456785E7")
                .isEqualTo("1.23 × 10⁷");
        assertThat(Numbers.plain(9.999e7)).as("the mantissa rounds up to 10").isEqualTo("1 × 10⁸");
        assertThat(Numbers.plain(Double.MAX_VALUE)).isEqualTo("1.8 × 10³⁰⁸");
    }

    @Test
    void aTinyValueIsNotRoundedAwayToZero() {
        assertThat(Numbers.plain(0.0001)).isEqualTo("1 × 10⁻⁴");
        assertThat(Numbers.plain(Double.MIN_VALUE)).isEqualTo("4.9 × 10⁻³²⁴");
        assertThat(Numbers.plain(0.005)).isEqualTo("0.01");
    }

    @Test
    void aValueWithoutAFiniteSizeIsNamedAsSuch() {
        assertThat(Numbers.plain(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(Numbers.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
        assertThat(Numbers.plain(Double.NaN)).isEqualTo("NaN");
    }
}
