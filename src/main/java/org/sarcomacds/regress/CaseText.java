package org.sarcomacds.regress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sarcomacds.regress.CardComparison.CardDiff;
import org.sarcomacds.regress.CardComparison.FieldDiff;
import org.sarcomacds.regress.RunResult.CaseResult;

/** A case's differences as plain text: the problems, then each card that differs with a diff of each field. */
final class CaseText {

    private CaseText() {}

    static String of(CaseResult result) {
        List<String> lines = new ArrayList<>(result.problems());
        for (CardDiff card : result.cardDiffs()) {
            lines.add("");
            lines.add(heading(card));
            for (FieldDiff field : card.fields()) {
                lines.add("  " + field.field() + ":");
                field.lines().forEach(line -> lines.add("    " + line.render()));
            }
        }
        return String.join("\n", lines);
    }

    /** "Card LMS-X (warning): changed", "… missing: expected, not returned", "… unexpected: returned, not expected". */
    static String heading(CardDiff card) {
        String what = switch (card.kind()) {
            case CHANGED -> "changed";
            case MISSING -> "missing: expected, not returned";
            case UNEXPECTED -> "unexpected: returned, not expected";
        };
        String indicator = card.indicator().isEmpty() ? "" : " (" + card.indicator() + ")";
        return "Card " + card.ruleId() + indicator + ": " + what;
    }

    static String status(RunResult.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
