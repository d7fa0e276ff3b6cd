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
 * LMS-REGORAFENIB-ALTERNATIVE: metastatic leiomyosarcoma after an anthracycline, regorafenib never given; the option
 * says what the record shows about pazopanib.
 */
class RegorafenibAlternativeRule implements Rule {

    static final String ID = "LMS-REGORAFENIB-ALTERNATIVE";

    static final Variant PAZOPANIB_PROGRESSED = Variant.of("pazopanib-progressed");
    static final Variant PAZOPANIB_CURRENT = Variant.of("pazopanib-current");
    static final Variant PAZOPANIB_NONE = Variant.of("pazopanib-none");
    static final Variant PAZOPANIB_STOPPED = Variant.of("pazopanib-stopped-reason-unknown");

    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new RegorafenibAlternativeRule())
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE,
                    Concepts.ANTHRACYCLINES,
                    Concepts.REGORAFENIB,
                    Concepts.PAZOPANIB)
            .observes(Concepts.ECOG)
            .option()
            .variants(PAZOPANIB_PROGRESSED, PAZOPANIB_CURRENT, PAZOPANIB_NONE, PAZOPANIB_STOPPED)
            .fills("pazopanib");

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
        Finding finding =
                new Finding(ID, evidence, Map.of("pazopanib", pazopanibText(pazopanib)), RuleNotes.of(evidence, facts));
        return Optional.of(DiseaseStates.withUnconfirmedMetastasis(finding, facts)
                .offeringOrders(DiseaseStates.treatedCondition(facts).orElseThrow()));
    }

    private static Text pazopanibText(List<Fact> pazopanib) {
        if (pazopanib.stream().anyMatch(RegorafenibAlternativeRule::progressed)) {
            return PAZOPANIB_PROGRESSED.with();
        }
        if (pazopanib.stream().anyMatch(Fact::current)) {
            return PAZOPANIB_CURRENT.with();
        }
        return pazopanib.isEmpty() ? PAZOPANIB_NONE.with() : PAZOPANIB_STOPPED.with();
    }

    static boolean progressed(Fact exposure) {
        return exposure.note().toLowerCase(Locale.ROOT).contains("progress");
    }
}
