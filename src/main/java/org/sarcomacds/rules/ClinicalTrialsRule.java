package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;

/**
 * LMS-CLINICAL-TRIALS: the source's highest-priority recommendation for metastatic leiomyosarcoma, whatever the
 * treatment history. The NTRK sentence is left to the NTRK card when a fusion is recorded.
 */
class ClinicalTrialsRule implements Rule {

    static final String ID = "LMS-CLINICAL-TRIALS";
    static final RuleSpec SPEC = RuleSpec.rule(ID, parameters -> new ClinicalTrialsRule())
            .answers(Hook.PATIENT_VIEW)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.METASTATIC_DISEASE)
            .observes(Concepts.GENETIC_VARIANT);

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!DiseaseStates.metastatic(facts)) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.metastaticEvidence(facts);
        facts.ntrkResults().forEach(f -> evidence.add(new Evidence("NTRK result", f)));
        return Optional.of(new Finding(ID, evidence, Map.of("ntrk", ntrkText(facts)), RuleNotes.of(evidence, facts)));
    }

    private static String ntrkText(PatientFacts facts) {
        if (!facts.ntrkFusions().isEmpty()) {
            return "An NTRK fusion is recorded: see the NTRK card.";
        }
        List<Fact> results = facts.ntrkResults();
        return results.isEmpty()
                ? "No NTRK fusion result was found in the record."
                : "The record's NTRK result does not report a fusion.";
    }
}
