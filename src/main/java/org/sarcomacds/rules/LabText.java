package org.sarcomacds.rules;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.text.Numbers;

/** How a lab result reads on a card: name, value, multiple of ULN where the label uses one, date, and recency. */
final class LabText {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(Concepts.BILIRUBIN, "Total bilirubin"),
            Map.entry(Concepts.AST, "AST"),
            Map.entry(Concepts.ALT, "ALT"),
            Map.entry(Concepts.ALKALINE_PHOSPHATASE, "ALP"),
            Map.entry(Concepts.CREATINE_KINASE, "CPK"),
            Map.entry(Concepts.NEUTROPHILS, "ANC"),
            Map.entry(Concepts.PLATELETS, "Platelets"),
            Map.entry(Concepts.HAEMOGLOBIN, "Haemoglobin"),
            Map.entry(Concepts.LVEF, "LVEF"));
    /** Tests the label judges as multiples of the upper limit of normal. */
    private static final Set<String> ULN_TESTS = Set.of(
            Concepts.BILIRUBIN, Concepts.AST, Concepts.ALT, Concepts.ALKALINE_PHOSPHATASE, Concepts.CREATINE_KINASE);

    private LabText() {}

    static String name(String analyte) {
        return NAMES.getOrDefault(analyte, analyte);
    }

    static String of(LabResult lab, PatientFacts facts, int recentDays) {
        StringBuilder text = new StringBuilder(NAMES.getOrDefault(lab.analyte(), lab.display()))
                .append(' ')
                .append(Numbers.plain(lab.value()))
                .append(' ')
                .append(lab.unit());
        if (ULN_TESTS.contains(lab.analyte())) {
            lab.timesUln()
                    .ifPresentOrElse(
                            x -> text.append(" (").append(Numbers.plain(x)).append(" × ULN)"),
                            () -> text.append(" (no reference range recorded)"));
        }
        text.append(", ").append(lab.date() == null ? "undated" : lab.date().toString());
        if (lab.date() == null || ChronoUnit.DAYS.between(lab.date(), facts.asOf()) > recentDays) {
            text.append(", older than ").append(recentDays).append(" days");
        }
        return text.append(" — ").append(lab.reference()).toString();
    }
}
