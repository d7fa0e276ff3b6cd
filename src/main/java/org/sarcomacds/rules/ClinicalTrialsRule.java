package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

/**
 * LMS-CLINICAL-TRIALS: the source's highest-priority recommendation for metastatic leiomyosarcoma, whatever the
 * treatment history. The NTRK line is left to the NTRK option when a fusion is recorded.
 */
class ClinicalTrialsRule implements Rule {

    static final String ID = "LMS-CLINICAL-TRIALS";

    static final Variant NTRK_FUSION = Variant.of("ntrk-fusion-recorded");
    static final Variant NTRK_NO_RESULT = Variant.of("ntrk-no-result");
    static final Variant NTRK_NO_FUSION = Variant.of("ntrk-no-fusion");

    static final RuleSpec SPEC = RuleSpec.rule(ID, ClinicalTrialsRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.METASTATIC_DISEASE)
            .observes(Concepts.GENETIC_VARIANT, Concepts.ECOG)
            .option()
            .variants(NTRK_FUSION, NTRK_NO_RESULT, NTRK_NO_FUSION)
            .fills("ntrk");

    private final ClinicalParameters parameters;

    ClinicalTrialsRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!DiseaseStates.metastatic(facts)) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.metastaticEvidence(facts);
        facts.ntrkResults().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_NTRK_RESULT, f)));
        Finding finding = new Finding(ID, evidence, Map.of("ntrk", ntrkText(facts)), RuleNotes.of(evidence, facts));
        return Optional.of(DiseaseStates.forConsult(finding, facts, parameters.ecog()));
    }

    private static Text ntrkText(PatientFacts facts) {
        if (!facts.ntrkFusions().isEmpty()) {
            return NTRK_FUSION.with();
        }
        return facts.ntrkResults().isEmpty() ? NTRK_NO_RESULT.with() : NTRK_NO_FUSION.with();
    }
}
