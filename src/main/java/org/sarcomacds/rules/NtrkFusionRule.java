package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

/** LMS-NTRK-FUSION: metastatic leiomyosarcoma with an NTRK fusion, not yet on an NTRK inhibitor. */
class NtrkFusionRule implements Rule {

    static final String ID = "LMS-NTRK-FUSION";
    static final RuleSpec SPEC = RuleSpec.rule(ID, NtrkFusionRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(Concepts.LEIOMYOSARCOMA, Concepts.METASTATIC_DISEASE, Concepts.LAROTRECTINIB, Concepts.ENTRECTINIB)
            .observes(Concepts.GENETIC_VARIANT, Concepts.ECOG)
            .option()
            .fills("fusion");

    private final ClinicalParameters parameters;

    NtrkFusionRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        boolean onInhibitor = !facts.currentExposures(Concepts.LAROTRECTINIB).isEmpty()
                || !facts.currentExposures(Concepts.ENTRECTINIB).isEmpty();
        if (!DiseaseStates.metastatic(facts) || facts.ntrkFusions().isEmpty() || onInhibitor) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.metastaticEvidence(facts);
        facts.ntrkFusions().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_NTRK_FUSION, f)));
        List<Object> genes = facts.ntrkFusions().stream()
                .map(Fact::display)
                .distinct()
                .<Object>map(g -> g)
                .toList();
        Finding finding =
                new Finding(ID, evidence, Map.of("fusion", new Text.Inline(genes)), RuleNotes.of(evidence, facts));
        return Optional.of(DiseaseStates.forConsult(finding, facts, parameters.ecog()));
    }
}
