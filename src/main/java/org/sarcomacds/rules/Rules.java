package org.sarcomacds.rules;

import java.util.List;
import java.util.Optional;

/**
 * The registry: every rule of the service, in one list. Each entry ({@link RuleSpec}) is declared next to the rule's
 * logic and names the hooks it answers, the value sets and observations it reads, and its card text. Spring builds
 * the {@link RuleEngine} from this list, and so do the tests; {@code RuleRegistryTest} checks it against
 * {@code hooks/cards}, {@code hooks/valuesets}, the prefetch keys and the tables of {@code docs/clinical-rules.md}.
 * Adding a rule: {@code docs/clinical-rules.md}, "How to add a rule". A rule is an <em>option</em> (composed with the
 * others into the next-line consult, {@link Consult}) or a <em>warning</em> (a card of its own).
 */
public final class Rules {

    /** Every rule, in the order of the clinical source (the cards are sorted by urgency and priority anyway). */
    public static final List<RuleSpec> ALL = List.of(
            TrabectedinNextLineRule.SPEC,
            RegorafenibAlternativeRule.SPEC,
            TrabectedinLowDoseRadiotherapyRule.SPEC,
            HighDoseIfosfamideRule.SPEC,
            OligometastaticLocalTherapyRule.SPEC,
            ClinicalTrialsRule.SPEC,
            NtrkFusionRule.SPEC,
            TrabectedinSafetyRule.SPEC,
            TrabectedinCyp3aRule.SPEC,
            TrabectedinPregnancyRule.SPEC,
            TrabectedinRetreatmentRule.SPEC,
            GemcitabinePazopanibRule.SPEC,
            RegorafenibPazopanibRule.SPEC,
            RegorafenibLiverRule.SPEC);

    /** Caveats qualify every card of a patient instead of making their own (text in {@code hooks/caveats/}). */
    public static final List<String> CAVEATS = List.of(BonePrimaryCaveat.ID);

    private Rules() {}

    public static List<String> ids() {
        return ALL.stream().map(RuleSpec::id).toList();
    }

    public static List<RuleSpec> options() {
        return ALL.stream().filter(RuleSpec::isOption).toList();
    }

    public static Optional<RuleSpec> find(String id) {
        return ALL.stream().filter(spec -> spec.id().equals(id)).findFirst();
    }
}
