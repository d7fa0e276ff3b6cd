package org.sarcomacds.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;

/**
 * LMS-REGORAFENIB-ALTERNATIVE: metastatic leiomyosarcoma after an anthracycline, regorafenib never given; the card
 * names pazopanib progression when the record shows it.
 */
class RegorafenibAlternativeRule implements Rule {

    static final String ID = "LMS-REGORAFENIB-ALTERNATIVE";
    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new RegorafenibAlternativeRule())
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE,
                    Concepts.ANTHRACYCLINES,
                    Concepts.REGORAFENIB,
                    Concepts.PAZOPANIB)
            .observes(Concepts.ECOG);

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!DiseaseStates.metastaticAfterAnthracycline(facts)
                || !facts.exposures(Concepts.REGORAFENIB).isEmpty()
                || !facts.drafts(Concepts.REGORAFENIB).isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.anthracyclineEvidence(facts);
        List<Fact> pazopanib = facts.exposures(Concepts.PAZOPANIB);
        pazopanib.forEach(f -> evidence.add(new Evidence("Prior pazopanib", f)));
        return Optional.of(
                new Finding(ID, evidence, Map.of("pazopanib", pazopanibText(pazopanib)), RuleNotes.of(evidence, facts))
                        .offeringOrders());
    }

    private static String pazopanibText(List<Fact> pazopanib) {
        if (pazopanib.stream().anyMatch(RegorafenibAlternativeRule::progressed)) {
            return "The record shows progression on pazopanib; the source names regorafenib as an option even after"
                    + " pazopanib progression, without cross-resistance concerns.";
        }
        if (pazopanib.stream().anyMatch(Fact::current)) {
            return "The record shows pazopanib as current: regorafenib would replace it, not be added to it.";
        }
        return pazopanib.isEmpty()
                ? "The record shows no pazopanib."
                : "The record shows prior pazopanib; the reason it was stopped is not recorded.";
    }

    static boolean progressed(Fact exposure) {
        return exposure.note().toLowerCase(Locale.ROOT).contains("progress");
    }
}
