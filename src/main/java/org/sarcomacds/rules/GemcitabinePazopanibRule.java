package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.PatientFacts;
import org.springframework.stereotype.Component;

/**
 * LMS-AVOID-GEMCITABINE-PAZOPANIB: the orders being written would combine gemcitabine with pazopanib in a patient
 * with leiomyosarcoma — a draft of one while the other is active, or drafts of both.
 */
@Component
class GemcitabinePazopanibRule implements Rule {

    static final String ID = "LMS-AVOID-GEMCITABINE-PAZOPANIB";
    private static final Set<String> ORDER_HOOKS = Set.of("order-select", "order-sign");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(String hook, PatientFacts facts) {
        if (facts.leiomyosarcoma().isEmpty()) {
            return Optional.empty();
        }
        if (hook.equals("patient-view")) {
            return bothCurrent(facts);
        }
        if (!ORDER_HOOKS.contains(hook)) {
            return Optional.empty();
        }
        List<DraftOrder> offending = new ArrayList<>();
        if (present(facts, Concepts.PAZOPANIB)) {
            offending.addAll(facts.drafts(Concepts.GEMCITABINE));
        }
        if (present(facts, Concepts.GEMCITABINE)) {
            offending.addAll(facts.drafts(Concepts.PAZOPANIB));
        }
        boolean concernsSelection =
                !hook.equals("order-select") || offending.stream().anyMatch(DraftOrder::selected);
        if (offending.isEmpty() || !concernsSelection) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence("Leiomyosarcoma", f)));
        offending.forEach(d -> evidence.add(new Evidence("Draft order", d.drug())));
        facts.currentExposures(Concepts.GEMCITABINE).forEach(f -> evidence.add(new Evidence("Current medication", f)));
        facts.currentExposures(Concepts.PAZOPANIB).forEach(f -> evidence.add(new Evidence("Current medication", f)));
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
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence("Leiomyosarcoma", f)));
        facts.currentExposures(Concepts.GEMCITABINE).forEach(f -> evidence.add(new Evidence("Current medication", f)));
        facts.currentExposures(Concepts.PAZOPANIB).forEach(f -> evidence.add(new Evidence("Current medication", f)));
        return Optional.of(new Finding(
                ID,
                evidence,
                Map.of("combination", "**The record shows gemcitabine and pazopanib as current together.**"),
                RuleNotes.of(evidence, facts)));
    }

    /** True when the drug is being ordered or is being taken now. */
    private static boolean present(PatientFacts facts, String drug) {
        return !facts.drafts(drug).isEmpty() || !facts.currentExposures(drug).isEmpty();
    }

    private static String combination(PatientFacts facts) {
        boolean bothDrafted = !facts.drafts(Concepts.GEMCITABINE).isEmpty()
                && !facts.drafts(Concepts.PAZOPANIB).isEmpty();
        if (bothDrafted) {
            return "**The draft orders combine gemcitabine with pazopanib.**";
        }
        String drafted = facts.drafts(Concepts.GEMCITABINE).isEmpty() ? "pazopanib" : "gemcitabine";
        String taking = drafted.equals("gemcitabine") ? "pazopanib" : "gemcitabine";
        return "**The draft order for " + drafted + " would combine it with " + taking
                + ", which the record shows as active.**";
    }
}
