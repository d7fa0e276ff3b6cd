package org.sarcomacds.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.LabResult;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.rules.PreDoseCheck.Outcome;

/**
 * LMS-TRABECTEDIN-SAFETY: the label's pre-dose criteria (counts, liver tests, CPK, haemoglobin, LVEF), each judged
 * only on a recent result ({@code preDose.resultValidDays}, LVEF {@code preDose.lvefValidDays}); a missing, undated or
 * older result makes its criterion not met, and the card names it.
 *
 * <ul>
 *   <li><b>Order hooks</b> (a trabectedin draft under review): critical when a recent bilirubin is above the
 *       do-not-give limit (the summary says what is wrong and what to do, and the card offers to delete the draft);
 *       warning when any criterion is not met; info ("met") only when every criterion was judged on a recent result.
 *   <li><b>Patient-view</b> (trabectedin current): no dose is being ordered, so the card appears only when a recent
 *       result is beyond a limit or cannot be judged, or LVEF is low, missing or older than its window (the label's
 *       monitoring every 2–3 months); counts and chemistry that are merely not recent are listed on that card but do
 *       not raise it, and there is no "met" card: they are checked at the order.
 * </ul>
 */
class TrabectedinSafetyRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-SAFETY";
    /** The criteria the card judges, in this order: the counts and chemistry of every dose, then LVEF. */
    private static final List<String> RESULTS = concat(Concepts.PRE_DOSE_RESULTS, Concepts.LVEF);

    static final Variant CRITERIA_MET = Variant.of("criteria-met", "days", "lvefDays");
    static final Variant MISSING_RESULTS = Variant.of("missing-results", "names");
    static final Variant NOT_RECENT = Variant.of("not-recent", "results", "days");
    static final Variant RESULT_LINE = Variant.of("result-line", "result");
    static final Variant NO_RESULTS = Variant.of("no-results");
    static final Variant SUMMARY_DO_NOT_GIVE = Variant.of("summary-do-not-give", "times", "date", "limit");
    static final Variant SUMMARY_NOT_MET = Variant.of("summary-not-met", "names");
    static final Variant SUMMARY_MET = Variant.of("summary-met", "days");

    static final RuleSpec SPEC = RuleSpec.rule(ID, TrabectedinSafetyRule::new)
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN)
            .observes(RESULTS)
            .warning("info", "warning", "critical")
            .variants(concat(
                            List.of(
                                    CRITERIA_MET,
                                    MISSING_RESULTS,
                                    NOT_RECENT,
                                    RESULT_LINE,
                                    NO_RESULTS,
                                    SUMMARY_DO_NOT_GIVE,
                                    SUMMARY_NOT_MET,
                                    SUMMARY_MET),
                            PreDoseCheck.VARIANTS)
                    .toArray(Variant[]::new))
            .fills("assessment", "results", "days", "lvefDays");

    private final ClinicalParameters parameters;
    private final PreDoseCheck judge;

    TrabectedinSafetyRule(ClinicalParameters parameters) {
        this.parameters = parameters;
        this.judge = new PreDoseCheck(parameters);
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!TrabectedinExposure.concerned(facts)) {
            return Optional.empty();
        }
        List<PreDoseCheck.Result> checks =
                RESULTS.stream().map(analyte -> judge.check(facts, analyte)).toList();
        if (facts.hook() == Hook.PATIENT_VIEW && checks.stream().noneMatch(PreDoseCheck.Result::raisesOnChart)) {
            return Optional.empty();
        }
        List<Evidence> evidence = TrabectedinExposure.evidence(facts);
        Finding finding = new Finding(ID, evidence, fills(facts, checks), RuleNotes.of(evidence, facts))
                .withIndicator(indicator(checks))
                .withSummary(summary(checks))
                .concerning(facts.draftsUnderReview(Concepts.TRABECTEDIN));
        return Optional.of(
                doNotGive(checks).isPresent()
                        ? finding.withRemovals(facts.draftsUnderReview(Concepts.TRABECTEDIN))
                        : finding);
    }

    private Map<String, Object> fills(PatientFacts facts, List<PreDoseCheck.Result> checks) {
        List<Object> results = new ArrayList<>();
        for (String analyte : RESULTS) {
            facts.lab(analyte)
                    .ifPresent(lab ->
                            results.add(RESULT_LINE.with("result", LabText.of(lab, facts, judge.window(analyte)))));
        }
        return Map.of(
                "assessment",
                assessment(checks, facts.asOf()),
                "results",
                results.isEmpty() ? NO_RESULTS.with() : results,
                "days",
                String.valueOf(parameters.preDose().resultValidDays()),
                "lvefDays",
                String.valueOf(parameters.preDose().lvefValidDays()));
    }

    /**
     * One line per criterion beyond a limit or not judged, in the card's order; the missing results on one line and
     * the results that are not recent on another, so that a record without recent labs still reads in a minute.
     */
    private List<Text> assessment(List<PreDoseCheck.Result> checks, LocalDate asOf) {
        List<Text> lines = new ArrayList<>();
        List<Object> missing = new ArrayList<>();
        List<PreDoseCheck.Result> stale = new ArrayList<>();
        for (PreDoseCheck.Result check : checks) {
            switch (check.outcome()) {
                case MISSING -> missing.add(LabText.name(check.analyte()));
                case NOT_RECENT -> stale.add(check);
                case NOT_MET, DO_NOT_GIVE -> lines.add(check.line());
                case MET -> {}
            }
        }
        if (!missing.isEmpty()) {
            lines.add(MISSING_RESULTS.with("names", new Text.Inline(missing)));
        }
        if (!stale.isEmpty()) {
            lines.add(NOT_RECENT.with(
                    "results",
                    new Text.Inline(PreDoseCheck.staleItems(stale, asOf)),
                    "days",
                    String.valueOf(parameters.preDose().resultValidDays())));
        }
        return lines.isEmpty()
                ? List.of(CRITERIA_MET.with(
                        "days",
                        String.valueOf(parameters.preDose().resultValidDays()),
                        "lvefDays",
                        String.valueOf(parameters.preDose().lvefValidDays())))
                : lines;
    }

    private static String indicator(List<PreDoseCheck.Result> checks) {
        if (doNotGive(checks).isPresent()) {
            return "critical";
        }
        return checks.stream().allMatch(c -> c.outcome() == Outcome.MET) ? "info" : "warning";
    }

    private Text summary(List<PreDoseCheck.Result> checks) {
        Optional<PreDoseCheck.Result> doNotGive = doNotGive(checks);
        if (doNotGive.isPresent()) {
            LabResult bilirubin = doNotGive.get().lab();
            return SUMMARY_DO_NOT_GIVE.with(
                    "times",
                    judge.timesUln(bilirubin),
                    "date",
                    bilirubin.date().toString(),
                    "limit",
                    judge.doNotGiveLimit());
        }
        List<Object> unmet = checks.stream()
                .filter(c -> c.outcome() != Outcome.MET)
                .<Object>map(c -> LabText.name(c.analyte()))
                .toList();
        return unmet.isEmpty()
                ? SUMMARY_MET.with("days", String.valueOf(parameters.preDose().resultValidDays()))
                : SUMMARY_NOT_MET.with("names", new Text.Inline(unmet));
    }

    private static Optional<PreDoseCheck.Result> doNotGive(List<PreDoseCheck.Result> checks) {
        return checks.stream().filter(c -> c.outcome() == Outcome.DO_NOT_GIVE).findFirst();
    }

    private static <T> List<T> concat(List<T> first, List<T> more) {
        List<T> all = new ArrayList<>(first);
        all.addAll(more);
        return List.copyOf(all);
    }

    private static List<String> concat(List<String> first, String more) {
        return concat(first, List.of(more));
    }
}
