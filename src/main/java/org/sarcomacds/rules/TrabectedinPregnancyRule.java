package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.facts.Pregnancy;

/**
 * LMS-TRABECTEDIN-PREGNANCY: trabectedin under review (a draft on an order hook, or current on patient-view) for a
 * patient the record says is pregnant — a pregnancy status of pregnant or a positive hCG within
 * {@code pregnancy.lookbackDays}, not cleared by a later "not pregnant" — or whose latest quantitative hCG cannot be
 * judged (no upper limit applies in its unit): then the card says so rather than stay silent. The card gives the labels' statements and
 * their contraception advice (codes-addendum D2); a rule of its own, with its own override reasons, rather than a line
 * of the pre-dose card.
 */
class TrabectedinPregnancyRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-PREGNANCY";

    static final Variant STATUS_PREGNANT = Variant.of("status-pregnant", "test", "date");
    static final Variant HCG_POSITIVE = Variant.of("hcg-positive", "test", "how", "date");
    static final Variant BY_INTERPRETATION = Variant.of("by-interpretation");
    static final Variant ABOVE_RANGE = Variant.of("above-range");
    static final Variant BY_WORDS = Variant.of("by-words");
    static final Variant RESULT_LINE = Variant.of("result-line", "finding", "reference");
    static final Variant HCG_NOT_JUDGED = Variant.of("hcg-not-judged", "test", "date");
    static final Variant HEADING_PREGNANT = Variant.of("heading-pregnant");
    static final Variant HEADING_NOT_JUDGED = Variant.of("heading-hcg-not-judged");
    static final Variant SUMMARY_NOT_JUDGED = Variant.of("summary-hcg-not-judged");
    static final Variant SEX_CONFLICT = Variant.of("sex-conflict");

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new TrabectedinPregnancyRule())
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN)
            .observes(Concepts.PREGNANCY)
            .warning("warning")
            .variants(
                    STATUS_PREGNANT,
                    HCG_POSITIVE,
                    BY_INTERPRETATION,
                    ABOVE_RANGE,
                    BY_WORDS,
                    RESULT_LINE,
                    HCG_NOT_JUDGED,
                    HEADING_PREGNANT,
                    HEADING_NOT_JUDGED,
                    SUMMARY_NOT_JUDGED,
                    SEX_CONFLICT)
            .fills("heading", "pregnancy", "result", "conflict");

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!TrabectedinExposure.concerned(facts)) {
            return Optional.empty();
        }
        return facts.pregnancy().filter(p -> p.pregnant() || !p.judged()).map(pregnancy -> {
            List<Evidence> evidence = TrabectedinExposure.evidence(facts);
            Text finding = finding(pregnancy);
            Finding found = new Finding(
                            ID,
                            evidence,
                            Map.of(
                                    "heading",
                                    pregnancy.judged() ? HEADING_PREGNANT.with() : HEADING_NOT_JUDGED.with(),
                                    "pregnancy",
                                    finding,
                                    "result",
                                    RESULT_LINE.with("finding", finding, "reference", pregnancy.reference()),
                                    "conflict",
                                    pregnancy.patientRecordedMale() ? SEX_CONFLICT.with() : ""),
                            RuleNotes.of(evidence, facts))
                    .concerning(facts.draftsUnderReview(Concepts.TRABECTEDIN));
            return pregnancy.judged() ? found : found.withSummary(SUMMARY_NOT_JUDGED.with());
        });
    }

    /** What the record says, e.g. "Pregnancy status: pregnant, 2026-11-20". */
    private static Text finding(Pregnancy pregnancy) {
        String date = pregnancy.date().toString(); // only a dated result falls within the lookback
        if (pregnancy.how() == Pregnancy.How.STATUS_ANSWER) {
            return STATUS_PREGNANT.with("test", pregnancy.display(), "date", date);
        }
        if (!pregnancy.judged()) {
            return HCG_NOT_JUDGED.with("test", pregnancy.display(), "date", date);
        }
        Text how = switch (pregnancy.how()) {
            case HCG_ABOVE_RANGE -> ABOVE_RANGE.with();
            case HCG_WORDS -> BY_WORDS.with();
            default -> BY_INTERPRETATION.with();
        };
        return HCG_POSITIVE.with("test", pregnancy.display(), "how", how, "date", date);
    }
}
