package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;

/**
 * LMS-AVOID-GEMCITABINE-PAZOPANIB: the orders being written would combine gemcitabine with pazopanib in a patient
 * with leiomyosarcoma — a draft of one while the other is active, or drafts of both — and a draft under review
 * (order-select: the selected one) is one of them. The card offers to delete every offending draft. On patient-view:
 * the record shows both as current.
 */
class GemcitabinePazopanibRule implements Rule {

    static final String ID = "LMS-AVOID-GEMCITABINE-PAZOPANIB";

    static final Variant BOTH_DRAFTED = Variant.of("both-drafted");
    static final Variant GEMCITABINE_ON_PAZOPANIB = Variant.of("gemcitabine-drafted-on-pazopanib");
    static final Variant PAZOPANIB_ON_GEMCITABINE = Variant.of("pazopanib-drafted-on-gemcitabine");
    static final Variant BOTH_CURRENT = Variant.of("both-current");
    static final Variant GEMCITABINE_ON_PLANNED_PAZOPANIB = Variant.of("gemcitabine-drafted-on-planned-pazopanib");
    static final Variant PAZOPANIB_ON_PLANNED_GEMCITABINE = Variant.of("pazopanib-drafted-on-planned-gemcitabine");

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new GemcitabinePazopanibRule())
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.GEMCITABINE, Concepts.PAZOPANIB)
            .warning("warning")
            .variants(
                    BOTH_DRAFTED,
                    GEMCITABINE_ON_PAZOPANIB,
                    PAZOPANIB_ON_GEMCITABINE,
                    BOTH_CURRENT,
                    GEMCITABINE_ON_PLANNED_PAZOPANIB,
                    PAZOPANIB_ON_PLANNED_GEMCITABINE)
            .fills("combination");

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (facts.leiomyosarcoma().isEmpty()) {
            return Optional.empty();
        }
        if (facts.hook() == Hook.PATIENT_VIEW) {
            return bothCurrent(facts);
        }
        boolean underReview = present(facts, Concepts.PAZOPANIB)
                        && !facts.draftsUnderReview(Concepts.GEMCITABINE).isEmpty()
                || present(facts, Concepts.GEMCITABINE)
                        && !facts.draftsUnderReview(Concepts.PAZOPANIB).isEmpty();
        if (!underReview) {
            return Optional.empty();
        }
        List<DraftOrder> offending = new ArrayList<>();
        if (present(facts, Concepts.PAZOPANIB)) {
            offending.addAll(facts.drafts(Concepts.GEMCITABINE));
        }
        if (present(facts, Concepts.GEMCITABINE)) {
            offending.addAll(facts.drafts(Concepts.PAZOPANIB));
        }
        List<Evidence> evidence = leiomyosarcoma(facts);
        offending.forEach(d -> evidence.add(new Evidence(Phrase.ROLE_DRAFT_ORDER, d.drug())));
        evidence.addAll(currentDrugs(facts));
        return Optional.of(
                new Finding(ID, evidence, Map.of("combination", combination(facts)), RuleNotes.of(evidence, facts))
                        .withRemovals(offending));
    }

    /** On patient-view: the record shows both drugs as current. */
    private static Optional<Finding> bothCurrent(PatientFacts facts) {
        if (facts.currentExposures(Concepts.GEMCITABINE).isEmpty()
                || facts.currentExposures(Concepts.PAZOPANIB).isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = leiomyosarcoma(facts);
        evidence.addAll(currentDrugs(facts));
        return Optional.of(
                new Finding(ID, evidence, Map.of("combination", BOTH_CURRENT.with()), RuleNotes.of(evidence, facts)));
    }

    private static List<Evidence> leiomyosarcoma(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        return evidence;
    }

    private static List<Evidence> currentDrugs(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.currentExposures(Concepts.GEMCITABINE)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_MEDICATION, f)));
        facts.currentExposures(Concepts.PAZOPANIB)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_MEDICATION, f)));
        if (facts.hook() != Hook.PATIENT_VIEW) {
            facts.planned(Concepts.GEMCITABINE)
                    .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_PLANNED_MEDICATION, f)));
            facts.planned(Concepts.PAZOPANIB)
                    .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_PLANNED_MEDICATION, f)));
        }
        return evidence;
    }

    /** True when the drug is being ordered, is being taken now, or is recorded as planned (about to start). */
    private static boolean present(PatientFacts facts, String drug) {
        return !facts.drafts(drug).isEmpty()
                || !facts.currentExposures(drug).isEmpty()
                || !facts.planned(drug).isEmpty();
    }

    private static Text combination(PatientFacts facts) {
        boolean gemcitabine = !facts.drafts(Concepts.GEMCITABINE).isEmpty();
        boolean pazopanib = !facts.drafts(Concepts.PAZOPANIB).isEmpty();
        if (gemcitabine && pazopanib) {
            return BOTH_DRAFTED.with();
        }
        if (gemcitabine) {
            return onlyPlanned(facts, Concepts.PAZOPANIB)
                    ? GEMCITABINE_ON_PLANNED_PAZOPANIB.with()
                    : GEMCITABINE_ON_PAZOPANIB.with();
        }
        return onlyPlanned(facts, Concepts.GEMCITABINE)
                ? PAZOPANIB_ON_PLANNED_GEMCITABINE.with()
                : PAZOPANIB_ON_GEMCITABINE.with();
    }

    private static boolean onlyPlanned(PatientFacts facts, String drug) {
        return facts.currentExposures(drug).isEmpty() && !facts.planned(drug).isEmpty();
    }
}
