package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;

/**
 * LMS-TRABECTEDIN-CYP3A: trabectedin with a strong CYP3A inhibitor or inducer the patient takes now or that is being
 * ordered — when trabectedin is under review (as for the safety card), or when the inhibitor or inducer is the order
 * under review while trabectedin runs. The card names the patient's drug; the measured figures belong to ketoconazole
 * and rifampicin only.
 */
class TrabectedinCyp3aRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-CYP3A";

    static final Variant INHIBITOR = Variant.of("inhibitor", "names");
    static final Variant INDUCER = Variant.of("inducer", "names");

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new TrabectedinCyp3aRule())
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN, Concepts.CYP3A_INHIBITORS, Concepts.CYP3A_INDUCERS)
            .warning("warning")
            .variants(INHIBITOR, INDUCER)
            .fills("interaction");

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        boolean trabectedinUnderReview = TrabectedinExposure.concerned(facts);
        if (!trabectedinUnderReview && !orderedWhileOnTrabectedin(facts)) {
            return Optional.empty();
        }
        List<Fact> inhibitors = interacting(facts, Concepts.CYP3A_INHIBITORS);
        List<Fact> inducers = interacting(facts, Concepts.CYP3A_INDUCERS);
        if (inhibitors.isEmpty() && inducers.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence =
                trabectedinUnderReview ? TrabectedinExposure.evidence(facts) : runningTrabectedin(facts);
        inhibitors.forEach(f -> evidence.add(new Evidence(Phrase.ROLE_STRONG_CYP3A_INHIBITOR, f)));
        inducers.forEach(f -> evidence.add(new Evidence(Phrase.ROLE_STRONG_CYP3A_INDUCER, f)));
        List<Text> named = new ArrayList<>();
        if (!inhibitors.isEmpty()) {
            named.add(INHIBITOR.with("names", names(inhibitors)));
        }
        if (!inducers.isEmpty()) {
            named.add(INDUCER.with("names", names(inducers)));
        }
        List<DraftOrder> concerned = new ArrayList<>(facts.draftsUnderReview(Concepts.TRABECTEDIN));
        concerned.addAll(facts.drafts(Concepts.CYP3A_INHIBITORS));
        concerned.addAll(facts.drafts(Concepts.CYP3A_INDUCERS));
        return Optional.of(new Finding(ID, evidence, Map.of("interaction", named), RuleNotes.of(evidence, facts))
                .concerning(concerned));
    }

    /** The variant: on an order hook, a strong CYP3A inhibitor or inducer is under review while trabectedin runs. */
    private static boolean orderedWhileOnTrabectedin(PatientFacts facts) {
        return facts.hook() != Hook.PATIENT_VIEW
                && !facts.leiomyosarcoma().isEmpty()
                && !facts.currentExposures(Concepts.TRABECTEDIN).isEmpty()
                && (!facts.draftsUnderReview(Concepts.CYP3A_INHIBITORS).isEmpty()
                        || !facts.draftsUnderReview(Concepts.CYP3A_INDUCERS).isEmpty());
    }

    private static List<Evidence> runningTrabectedin(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        facts.currentExposures(Concepts.TRABECTEDIN)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_TRABECTEDIN, f)));
        return evidence;
    }

    /** Current exposures and drafts of the class: a draft interacts as soon as it is signed. */
    private static List<Fact> interacting(PatientFacts facts, String drugClass) {
        List<Fact> found = new ArrayList<>(facts.currentExposures(drugClass));
        facts.drafts(drugClass).stream().map(DraftOrder::drug).forEach(found::add);
        return found;
    }

    private static Text.Inline names(List<Fact> drugs) {
        return new Text.Inline(
                drugs.stream().map(Fact::display).distinct().<Object>map(n -> n).toList());
    }
}
