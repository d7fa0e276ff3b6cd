package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Cyp3a;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.facts.Route;

/**
 * LMS-TRABECTEDIN-CYP3A: trabectedin with a CYP3A inhibitor or inducer of the labels' lists (strong and moderate,
 * {@link Concepts#CYP3A_INTERACTING}), in both directions: trabectedin under review (as for the safety card) while
 * the interacting drug is current or drafted; or, on an order hook, the interacting drug under review while
 * trabectedin is current or drafted. Each drug is named with its strength and effect as its value set declares them;
 * non-systemic forms (a shampoo) are no exposure, so they never reach the card; an unrecorded route is said. The
 * measured figures belong to ketoconazole and rifampicin only.
 */
class TrabectedinCyp3aRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-CYP3A";

    static final Variant INHIBITOR = Variant.of("inhibitor", "names", "strength");
    static final Variant INDUCER = Variant.of("inducer", "names", "strength");

    /** The order of the card's lines and the role of each drug under "Why this card". */
    private static final List<Cyp3a> ORDER = List.of(
            new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.STRONG),
            new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.MODERATE),
            new Cyp3a(Cyp3a.Effect.INDUCER, Cyp3a.Strength.STRONG),
            new Cyp3a(Cyp3a.Effect.INDUCER, Cyp3a.Strength.MODERATE));

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new TrabectedinCyp3aRule())
            .answers(Hook.PATIENT_VIEW, Hook.ORDER_SELECT, Hook.ORDER_SIGN)
            .reads(
                    List.of(Concepts.LEIOMYOSARCOMA, Concepts.TRABECTEDIN),
                    Concepts.CYP3A_INTERACTING.toArray(String[]::new))
            .warning("warning")
            .variants(INHIBITOR, INDUCER)
            .fills("interaction");

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        boolean trabectedinUnderReview = TrabectedinExposure.concerned(facts);
        if (!trabectedinUnderReview && !orderedWithTrabectedin(facts)) {
            return Optional.empty();
        }
        Map<Cyp3a, List<Fact>> interacting = interacting(facts);
        if (interacting.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence =
                trabectedinUnderReview ? TrabectedinExposure.evidence(facts) : trabectedinAlongside(facts);
        List<Text> lines = new ArrayList<>();
        List<Text> routes = new ArrayList<>();
        interacting.forEach((cyp3a, drugs) -> {
            drugs.forEach(f -> evidence.add(new Evidence(role(cyp3a), f)));
            lines.add((cyp3a.effect() == Cyp3a.Effect.INHIBITOR ? INHIBITOR : INDUCER)
                    .with("names", names(drugs), "strength", strength(cyp3a)));
            drugs.stream()
                    .filter(f -> f.systemic() == Route.Systemic.UNKNOWN)
                    .forEach(f -> routes.add(
                            Phrase.NOTE_ROUTE_NOT_RECORDED.with("drug", f.display(), "reference", f.reference())));
        });
        List<Text> notes = new ArrayList<>(RuleNotes.of(evidence, facts));
        routes.stream().distinct().forEach(notes::add);
        List<DraftOrder> concerned = new ArrayList<>(facts.draftsUnderReview(Concepts.TRABECTEDIN));
        Concepts.CYP3A_INTERACTING.forEach(set -> concerned.addAll(facts.drafts(set)));
        return Optional.of(new Finding(ID, evidence, Map.of("interaction", lines), notes).concerning(concerned));
    }

    /** On an order hook, a CYP3A inhibitor or inducer under review while trabectedin runs or is drafted too. */
    private static boolean orderedWithTrabectedin(PatientFacts facts) {
        return facts.hook() != Hook.PATIENT_VIEW
                && !facts.leiomyosarcoma().isEmpty()
                && (!facts.currentExposures(Concepts.TRABECTEDIN).isEmpty()
                        || !facts.drafts(Concepts.TRABECTEDIN).isEmpty())
                && Concepts.CYP3A_INTERACTING.stream()
                        .anyMatch(set -> !facts.draftsUnderReview(set).isEmpty());
    }

    private static List<Evidence> trabectedinAlongside(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        facts.currentExposures(Concepts.TRABECTEDIN)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_TRABECTEDIN, f)));
        facts.drafts(Concepts.TRABECTEDIN).forEach(d -> evidence.add(new Evidence(Phrase.ROLE_DRAFT_ORDER, d.drug())));
        return evidence;
    }

    /**
     * Current exposures and drafts of every CYP3A value set (a draft interacts as soon as it is signed), grouped by
     * effect and strength in the card's order; one entry per resource.
     */
    static Map<Cyp3a, List<Fact>> interacting(PatientFacts facts) {
        Map<String, Fact> byResource = new LinkedHashMap<>();
        for (String set : Concepts.CYP3A_INTERACTING) {
            facts.currentExposures(set).forEach(f -> byResource.putIfAbsent(f.reference() + "|" + set, f));
            facts.drafts(set).forEach(d -> byResource.putIfAbsent(d.drug().reference() + "|" + set, d.drug()));
        }
        Map<Cyp3a, List<Fact>> grouped = new LinkedHashMap<>();
        byResource.values().stream()
                .sorted(Comparator.comparing(f -> ORDER.indexOf(cyp3a(f))))
                .forEach(f -> grouped.computeIfAbsent(cyp3a(f), k -> new ArrayList<>())
                        .add(f));
        return grouped;
    }

    /** The effect and strength the drug's value set declares (start-up stops a CYP3A value set without them). */
    private static Cyp3a cyp3a(Fact drug) {
        return drug.cyp3a()
                .orElseThrow(
                        () -> new IllegalStateException(drug.concept() + " declares no CYP3A effect and strength"));
    }

    static Phrase role(Cyp3a cyp3a) {
        boolean strong = cyp3a.strength() == Cyp3a.Strength.STRONG;
        return cyp3a.effect() == Cyp3a.Effect.INHIBITOR
                ? strong ? Phrase.ROLE_STRONG_CYP3A_INHIBITOR : Phrase.ROLE_MODERATE_CYP3A_INHIBITOR
                : strong ? Phrase.ROLE_STRONG_CYP3A_INDUCER : Phrase.ROLE_MODERATE_CYP3A_INDUCER;
    }

    static Text strength(Cyp3a cyp3a) {
        return cyp3a.strength() == Cyp3a.Strength.STRONG ? Phrase.CYP3A_STRONG.text() : Phrase.CYP3A_MODERATE.text();
    }

    static Text.Inline names(List<Fact> drugs) {
        return new Text.Inline(
                drugs.stream().map(Fact::display).distinct().<Object>map(n -> n).toList());
    }
}
