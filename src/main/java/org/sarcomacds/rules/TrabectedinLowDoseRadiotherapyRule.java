package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

/**
 * LMS-TRABECTEDIN-LOW-DOSE-RT: metastatic leiomyosarcoma with an active bone metastasis, where trabectedin is
 * recommended (the next-line rule applies) or already running. The record cannot say whether the metastasis needs
 * palliation, so the card asks.
 */
class TrabectedinLowDoseRadiotherapyRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-LOW-DOSE-RT";

    static final Variant TRABECTEDIN_RECOMMENDED = Variant.of("trabectedin-recommended");
    static final Variant TRABECTEDIN_CURRENT = Variant.of("trabectedin-current");
    static final RuleSpec SPEC = RuleSpec.rule(ID, TrabectedinLowDoseRadiotherapyRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE,
                    Concepts.METASTASIS_BONE,
                    Concepts.ANTHRACYCLINES,
                    Concepts.TRABECTEDIN)
            .observes(Concepts.ECOG)
            .option()
            .variants(TRABECTEDIN_RECOMMENDED, TRABECTEDIN_CURRENT)
            .fills("trabectedinStatus");

    private final ClinicalParameters parameters;

    TrabectedinLowDoseRadiotherapyRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        boolean trabectedin = TrabectedinNextLineRule.applies(facts)
                || !facts.currentExposures(Concepts.TRABECTEDIN).isEmpty();
        if (!DiseaseStates.metastatic(facts)
                || !trabectedin
                || facts.activeMetastases(Concepts.METASTASIS_BONE).isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.metastaticEvidence(facts);
        evidence.removeIf(e -> e.role() == Phrase.ROLE_METASTATIC_DISEASE);
        facts.activeMetastases(Concepts.METASTASIS_BONE)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_BONE_METASTASIS, f)));
        facts.currentExposures(Concepts.TRABECTEDIN)
                .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_TRABECTEDIN, f)));
        Text status = facts.currentExposures(Concepts.TRABECTEDIN).isEmpty()
                ? TRABECTEDIN_RECOMMENDED.with()
                : TRABECTEDIN_CURRENT.with();
        Finding finding = new Finding(ID, evidence, Map.of("trabectedinStatus", status), RuleNotes.of(evidence, facts));
        return Optional.of(DiseaseStates.forConsult(finding, facts, parameters.ecog()));
    }
}
