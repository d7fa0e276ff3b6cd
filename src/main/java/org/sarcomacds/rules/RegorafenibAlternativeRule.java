package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * LMS-REGORAFENIB-ALTERNATIVE: metastatic leiomyosarcoma after an anthracycline, regorafenib never given; the option
 * says what the record shows about pazopanib. The order is offered only when no line of therapy is current (or
 * progression on it is recorded), the metastasis is confirmed, and total bilirubin, AST and ALT are recent ({@code
 * regorafenib.liverTestsValidDays}: the label asks for them before starting), judged, and bilirubin is not above
 * {@code regorafenib.bilirubinNotRecommendedAboveUln} × ULN (severe hepatic impairment, where the label does not
 * recommend regorafenib).
 */
class RegorafenibAlternativeRule implements Rule {

    static final String ID = "LMS-REGORAFENIB-ALTERNATIVE";

    static final Variant PAZOPANIB_PROGRESSED = Variant.of("pazopanib-progressed");
    static final Variant PAZOPANIB_CURRENT = Variant.of("pazopanib-current");
    static final Variant PAZOPANIB_NONE = Variant.of("pazopanib-none");
    static final Variant PAZOPANIB_STOPPED = Variant.of("pazopanib-stopped-reason-unknown");
    static final Variant LIVER_TESTS_NOT_RECENT = Variant.of("liver-tests-not-recent", "days", "tests");
    static final Variant LIVER_TEST_NOT_JUDGED = Variant.of("liver-test-not-judged", "why");
    static final Variant BILIRUBIN_NOT_RECOMMENDED = Variant.of("bilirubin-not-recommended", "result", "limit");

    static final RuleSpec SPEC = RuleSpec.rule(ID, RegorafenibAlternativeRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(DiseaseStates.CURRENT_LINE_READS, Concepts.LEIOMYOSARCOMA, Concepts.METASTATIC_DISEASE)
            .observes(Concepts.BILIRUBIN, Concepts.AST, Concepts.ALT, Concepts.ECOG)
            .option()
            .variants(
                    PAZOPANIB_PROGRESSED,
                    PAZOPANIB_CURRENT,
                    PAZOPANIB_NONE,
                    PAZOPANIB_STOPPED,
                    LIVER_TESTS_NOT_RECENT,
                    LIVER_TEST_NOT_JUDGED,
                    BILIRUBIN_NOT_RECOMMENDED)
            .fills("pazopanib", "liver");

    private final ClinicalParameters parameters;

    RegorafenibAlternativeRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!DiseaseStates.metastaticAfterAnthracycline(facts)
                || !facts.exposures(Concepts.REGORAFENIB).isEmpty()
                || !facts.drafts(Concepts.REGORAFENIB).isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.anthracyclineEvidence(facts);
        List<Fact> pazopanib = facts.exposures(Concepts.PAZOPANIB);
        pazopanib.forEach(f -> evidence.add(new Evidence(Phrase.ROLE_PRIOR_PAZOPANIB, f)));
        boolean mayDraft = DiseaseStates.mayDraft(facts);
        Optional<Text> liverProblem = mayDraft ? liverProblem(facts) : Optional.empty();
        Finding finding = new Finding(
                ID,
                evidence,
                Map.of(
                        "pazopanib",
                        pazopanibText(pazopanib),
                        "liver",
                        liverProblem.<Object>map(p -> p).orElse("")),
                RuleNotes.of(evidence, facts));
        finding = DiseaseStates.withCurrentLine(DiseaseStates.forConsult(finding, facts, parameters.ecog()), facts);
        Optional<String> condition = DiseaseStates.treatedCondition(facts);
        return Optional.of(
                !mayDraft || liverProblem.isPresent() || condition.isEmpty()
                        ? finding
                        : finding.offeringOrders(condition.get()));
    }

    /**
     * A reason not to draft regorafenib from its label's liver statements, judged on recent results only: a missing,
     * older or unjudged bilirubin, AST or ALT (the label checks all three before starting), or severe hepatic
     * impairment by bilirubin; empty when none.
     */
    private Optional<Text> liverProblem(PatientFacts facts) {
        ClinicalParameters.Regorafenib r = parameters.regorafenib();
        int days = r.liverTestsValidDays();
        Optional<Text> gap = LiverTests.gap(facts, days, LIVER_TESTS_NOT_RECENT, LIVER_TEST_NOT_JUDGED);
        if (gap.isPresent()) {
            return gap;
        }
        if (LiverTests.timesUln(facts, Concepts.BILIRUBIN, days) > r.bilirubinNotRecommendedAboveUln()) {
            return Optional.of(BILIRUBIN_NOT_RECOMMENDED.with(
                    "result",
                    LabText.of(facts.lab(Concepts.BILIRUBIN).orElseThrow(), facts, days),
                    "limit",
                    Numbers.plain(r.bilirubinNotRecommendedAboveUln())));
        }
        return Optional.empty();
    }

    private static Text pazopanibText(List<Fact> pazopanib) {
        if (pazopanib.stream().anyMatch(Fact::progressionRecorded)) {
            return PAZOPANIB_PROGRESSED.with();
        }
        if (pazopanib.stream().anyMatch(Fact::current)) {
            return PAZOPANIB_CURRENT.with();
        }
        return pazopanib.isEmpty() ? PAZOPANIB_NONE.with() : PAZOPANIB_STOPPED.with();
    }
}
