package org.sarcomacds.regress;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), with unchanged runs shortened to the lines around a change:
 * what a reviewer reads to see how a card's detail changed.
 */
final class LineDiff {

    private static final int CONTEXT = 2;

    private LineDiff() {}

    /** One line of a diff: {@code ' '} kept, {@code '-'} expected only, {@code '+'} returned only, {@code '…'} skipped. */
    record Line(char op, String text) {

        String render() {
            return op + " " + text;
        }
    }

    static List<Line> of(List<String> expected, List<String> actual) {
        int[][] common = new int[expected.size() + 1][actual.size() + 1];
        for (int i = expected.size() - 1; i >= 0; i--) {
            for (int j = actual.size() - 1; j >= 0; j--) {
                common[i][j] = expected.get(i).equals(actual.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < expected.size() || j < actual.size()) {
            if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
                lines.add(new Line(' ', expected.get(i++)));
                j++;
            } else if (i < expected.size() && (j == actual.size() || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line('-', expected.get(i++)));
            } else {
                lines.add(new Line('+', actual.get(j++)));
            }
        }
        return shortened(lines);
    }

    /** Keeps {@link #CONTEXT} unchanged lines either side of each change; longer unchanged runs become one '…'. */
    private static List<Line> shortened(List<Line> lines) {
        List<Line> kept = new ArrayList<>();
        int skipped = 0;
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).op() != ' ' || nearChange(lines, k)) {
                if (skipped > 0) {
                    kept.add(new Line('…', skipped + " unchanged line" + (skipped == 1 ? "" : "s")));
                    skipped = 0;
                }
                kept.add(lines.get(k));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            kept.add(new Line('…', skipped + " unchanged line" + (skipped == 1 ? "" : "s")));
        }
        return kept;
    }

    private static boolean nearChange(List<Line> lines, int k) {
        for (int d = Math.max(0, k - CONTEXT); d <= Math.min(lines.size() - 1, k + CONTEXT); d++) {
            if (lines.get(d).op() != ' ') {
                return true;
            }
        }
        return false;
    }
}
