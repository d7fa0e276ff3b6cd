package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;

/**
 * Total bilirubin, AST and ALT as an order drafted on them needs them: each recent (a missing or older result never
 * counts as normal) and judged against a ULN in its own unit (a range without a unit cannot be judged).
 */
final class LiverTests {

    static final List<String> ANALYTES = List.of(Concepts.BILIRUBIN, Concepts.AST, Concepts.ALT);

    private LiverTests() {}

    /**
     * Each of the three that is missing or older than {@code days}, as the card names it ("AST not recorded", "Total
     * bilirubin, ALT of 2024-12-20": older ones grouped by date); empty when all three are recent.
     */
    static List<Object> notRecent(PatientFacts facts, int days) {
        Map<Object, List<Object>> named = new LinkedHashMap<>();
        for (String analyte : ANALYTES) {
            Optional<LabResult> lab = facts.lab(analyte);
            if (lab.isEmpty()) {
                named.put(Phrase.LAB_MISSING.with("name", LabText.name(analyte)), List.of());
            } else if (!lab.get().isRecent(facts.asOf(), days)) {
                Object date = LabText.date(lab.get(), facts.asOf());
                named.computeIfAbsent(date, d -> new ArrayList<>()).add(LabText.name(analyte));
            }
        }
        List<Object> said = new ArrayList<>();
        named.forEach((key, names) ->
                said.add(names.isEmpty() ? key : Phrase.LAB_DATED.with("name", new Text.Inline(names), "date", key)));
        return said;
    }

    /** Each of the three recent results that has no ULN in its own unit, with why; empty when all can be judged. */
    static List<Object> notJudged(PatientFacts facts, int days) {
        List<Object> named = new ArrayList<>();
        for (String analyte : ANALYTES) {
            facts.recentLab(analyte, days)
                    .filter(lab -> lab.timesUln().isEmpty())
                    .ifPresent(lab -> named.add(LabText.notJudged(lab)));
        }
        return named;
    }

    /**
     * Why the three cannot back an order, in a rule's own words: {@code notRecentText} (placeholders {@code days},
     * {@code tests}) when one is missing or older than {@code days}, else {@code notJudgedText} ({@code why}) when one
     * has no ULN in its unit; empty when all three are recent and judged.
     */
    static Optional<Text> gap(PatientFacts facts, int days, Variant notRecentText, Variant notJudgedText) {
        List<Object> notRecent = notRecent(facts, days);
        if (!notRecent.isEmpty()) {
            return Optional.of(notRecentText.with("days", String.valueOf(days), "tests", new Text.Inline(notRecent)));
        }
        List<Object> notJudged = notJudged(facts, days);
        return notJudged.isEmpty()
                ? Optional.empty()
                : Optional.of(notJudgedText.with("why", new Text.Inline(notJudged)));
    }

    /** The recent result of the analyte as a multiple of its ULN; call only when {@link #notRecent} and {@link #notJudged} are empty. */
    static double timesUln(PatientFacts facts, String analyte, int days) {
        return facts.recentLab(analyte, days).flatMap(LabResult::timesUln).orElseThrow();
    }
}
