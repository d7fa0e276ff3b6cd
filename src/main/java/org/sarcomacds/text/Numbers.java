package org.sarcomacds.text;

import java.util.Locale;

/**
 * Numbers as a card shows them: at most two decimals, no trailing ".0". A value too large or too small to read that
 * way (an implausible weight of 1e308 kg, a result of 0.0001) is shown in powers of ten, "1 × 10³⁰⁸", never as an
 * overflowed or rounded-away number.
 */
public final class Numbers {

    /** From here on a plain number is unreadable, and {@link Double#toString} would write "1.0E7". */
    private static final double PLAIN_BELOW = 1e7;
    /** Below this a non-zero value would show as 0. */
    private static final double PLAIN_FROM = 0.005;

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private Numbers() {}

    public static String plain(double value) {
        double magnitude = Math.abs(value);
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (magnitude >= PLAIN_BELOW || (magnitude < PLAIN_FROM && value != 0)) {
            return powerOfTen(value);
        }
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** E.g. 1.2345e308 as "1.23 × 10³⁰⁸": three significant digits at most. */
    private static String powerOfTen(double value) {
        String scientific = String.format(Locale.ROOT, "%.2e", value); // "1.23e+308"
        int e = scientific.indexOf('e');
        String mantissa = scientific.substring(0, e).replaceAll("\\.?0+$", "");
        int exponent = Integer.parseInt(scientific.substring(e + 1));
        return mantissa + " × 10" + superscript(exponent);
    }

    private static String superscript(int exponent) {
        StringBuilder text = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char digit : String.valueOf(Math.abs(exponent)).toCharArray()) {
            text.append(SUPERSCRIPT_DIGITS.charAt(digit - '0'));
        }
        return text.toString();
    }
}
