package org.sarcomacds.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;

/**
 * LMS-TRABECTEDIN-RETREATMENT: a new trabectedin order under review (order-select: the selected draft; order-sign:
 * any) for a patient whose earlier trabectedin was stopped for progression or for toxicity, as its stop reason says
 * ({@link PatientFacts#trabectedinStops()}). The card says so and claims no more than the labels: neither addresses
 * re-treatment after progression (codes-addendum D2); rhabdomyolysis and raised liver tests are label warnings.
 */
class TrabectedinRetreatmentRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-RETREATMENT";

    static final Variant STOPPED_FOR_PROGRESSION = Variant.of("stopped-for-progression", "date", "reason");
    static final Variant STOPPED_FOR_TOXICITY = Variant.of("stopped-for-toxicity", "date", "reason");
    static final Variant NO_END_DATE = Variant.of("no-end-date");
    static final Variant SUMMARY_PROGRESSION = Variant.of("summary-progression", "date");
    static final Variant SUMMARY_TOXICITY = Variant.of("summary-toxicity", "date");

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new TrabectedinRetreatmentRule())
            .answers(Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN)
            .warning("warning")
            .variants(STOPPED_FOR_PROGRESSION, STOPPED_FOR_TOXICITY, NO_END_DATE, SUMMARY_PROGRESSION, SUMMARY_TOXICITY)
            .fills("stops");

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        List<Fact> stops = facts.trabectedinStops().stream()
                .sorted(Comparator.comparing(
                        TrabectedinRetreatmentRule::stopped, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        if (stops.isEmpty() || !TrabectedinExposure.concerned(facts)) {
            return Optional.empty();
        }
        List<Evidence> evidence = TrabectedinExposure.evidence(facts);
        List<Text> lines = new ArrayList<>();
        for (Fact stop : stops) {
            evidence.add(new Evidence(Phrase.ROLE_TRABECTEDIN_STOPPED, stop));
            if (stop.progressionRecorded()) {
                lines.add(STOPPED_FOR_PROGRESSION.with("date", date(stop), "reason", stop.stopDetail()));
            }
            if (stop.toxicityRecorded()) {
                lines.add(STOPPED_FOR_TOXICITY.with("date", date(stop), "reason", stop.stopDetail()));
            }
        }
        Fact latest = stops.getFirst();
        Text summary =
                (latest.progressionRecorded() ? SUMMARY_PROGRESSION : SUMMARY_TOXICITY).with("date", date(latest));
        return Optional.of(new Finding(ID, evidence, Map.of("stops", lines), RuleNotes.of(evidence, facts))
                .withSummary(summary)
                .concerning(facts.draftsUnderReview(Concepts.TRABECTEDIN)));
    }

    /** When it stopped: the end of the use, else when it was recorded (a request's authoredOn, a statement's start). */
    private static LocalDate stopped(Fact stop) {
        return stop.end() != null ? stop.end() : stop.start();
    }

    private static Object date(Fact stop) {
        return stop.end() != null ? stop.end().toString() : NO_END_DATE.with();
    }
}
