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
 * LMS-REGORAFENIB-PAZOPANIB: two kinase inhibitors of the VEGF receptors together in a patient with leiomyosarcoma —
 * a regorafenib draft while pazopanib is current, a pazopanib draft while regorafenib is current, or drafts of both —
 * with a draft of one of them under review (order-select: the selected one). No trial we cite gave them together;
 * the card offers no deletion, since regorafenib is usually meant to replace pazopanib, and says to stop pazopanib
 * first.
 */
class RegorafenibPazopanibRule implements Rule {

    static final String ID = "LMS-REGORAFENIB-PAZOPANIB";

    static final Variant REGORAFENIB_ON_PAZOPANIB = Variant.of("regorafenib-drafted-on-pazopanib");
    static final Variant PAZOPANIB_ON_REGORAFENIB = Variant.of("pazopanib-drafted-on-regorafenib");
    static final Variant BOTH_DRAFTED = Variant.of("both-drafted");

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new RegorafenibPazopanibRule())
            .answers(Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.REGORAFENIB, Concepts.PAZOPANIB)
            .warning("warning")
            .variants(REGORAFENIB_ON_PAZOPANIB, PAZOPANIB_ON_REGORAFENIB, BOTH_DRAFTED)
            .fills("combination");

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (facts.leiomyosarcoma().isEmpty()) {
            return Optional.empty();
        }
        List<DraftOrder> regorafenib = facts.drafts(Concepts.REGORAFENIB);
        List<DraftOrder> pazopanib = facts.drafts(Concepts.PAZOPANIB);
        boolean regorafenibOnPazopanib =
                !facts.draftsUnderReview(Concepts.REGORAFENIB).isEmpty()
                        && (!facts.currentExposures(Concepts.PAZOPANIB).isEmpty() || !pazopanib.isEmpty());
        boolean pazopanibOnRegorafenib =
                !facts.draftsUnderReview(Concepts.PAZOPANIB).isEmpty()
                        && (!facts.currentExposures(Concepts.REGORAFENIB).isEmpty() || !regorafenib.isEmpty());
        if (!regorafenibOnPazopanib && !pazopanibOnRegorafenib) {
            return Optional.empty();
        }
        List<DraftOrder> drafts = new ArrayList<>(regorafenib);
        drafts.addAll(pazopanib);
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        drafts.forEach(d -> evidence.add(new Evidence(Phrase.ROLE_DRAFT_ORDER, d.drug())));
        facts.currentExposures(Concepts.PAZOPANIB)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_MEDICATION, f)));
        facts.currentExposures(Concepts.REGORAFENIB)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_MEDICATION, f)));
        Text combination = !regorafenib.isEmpty() && !pazopanib.isEmpty()
                ? BOTH_DRAFTED.with()
                : regorafenibOnPazopanib ? REGORAFENIB_ON_PAZOPANIB.with() : PAZOPANIB_ON_REGORAFENIB.with();
        return Optional.of(new Finding(ID, evidence, Map.of("combination", combination), RuleNotes.of(evidence, facts))
                .concerning(drafts));
    }
}
