package org.sarcomacds.text;

/** Numbers as a card shows them: at most two decimals, no trailing ".0". */
public final class Numbers {

    private Numbers() {}

    public static String plain(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
