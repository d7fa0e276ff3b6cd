package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DiseaseFreeInterval;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

/**
 * LMS-OLIGOMETASTATIC-LOCAL-THERAPY: few metastases and a long disease-free interval, measured from the end of curative
 * treatment or the last record of no evidence of disease ({@link PatientFacts#diseaseFreeInterval()}), never from the
 * diagnosis; unknown, the rule stays quiet. The record lists metastasis
 * Conditions, not lesions, so the rule stays quiet when any metastasis has no site or is coded as widespread, and the
 * card asks for the count to be confirmed.
 */
class OligometastaticLocalTherapyRule implements Rule {

    static final String ID = "LMS-OLIGOMETASTATIC-LOCAL-THERAPY";
    static final RuleSpec SPEC = RuleSpec.rule(ID, OligometastaticLocalTherapyRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Stream.concat(Concepts.METASTASIS_SITES.stream(), Concepts.SYSTEMIC_ANTICANCER_THERAPIES.stream())
                            .toList(),
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE)
            .observes(Concepts.ECOG)
            .option()
            .fills("count", "sites", "interval");

    private final ClinicalParameters parameters;

    OligometastaticLocalTherapyRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        if (!DiseaseStates.metastatic(facts)
                || !facts.activeMetastases(Concepts.METASTASIS_WIDESPREAD).isEmpty()
                || facts.activeMetastases().stream().anyMatch(Fact::unconfirmed)) {
            return Optional.empty();
        }
        List<Fact> sited = facts.activeSitedMetastases();
        Set<String> sitedConditions = sited.stream().map(Fact::reference).collect(Collectors.toSet());
        boolean unsited = facts.activeMetastases().stream().anyMatch(f -> !sitedConditions.contains(f.reference()));
        int count = sitedConditions.size();
        Optional<DiseaseFreeInterval> diseaseFree = facts.diseaseFreeInterval();
        Optional<Long> interval = diseaseFree.map(DiseaseFreeInterval::months);
        ClinicalParameters.Oligometastatic limits = parameters.oligometastatic();
        if (unsited
                || count == 0
                || count > limits.maxLesions()
                || interval.isEmpty()
                || interval.get() < limits.minDiseaseFreeIntervalMonths()) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.metastaticEvidence(facts);
        evidence.add(
                new Evidence(Phrase.ROLE_DISEASE_FREE_FROM, diseaseFree.get().basis()));
        List<Object> sites = sited.stream()
                .map(f -> f.concept()
                        .substring(Concepts.METASTASIS_PREFIX.length())
                        .replace('-', ' '))
                .distinct()
                .<Object>map(site -> site)
                .toList();
        return Optional.of(DiseaseStates.forConsult(
                new Finding(
                        ID,
                        evidence,
                        Map.of(
                                "count", String.valueOf(count),
                                "sites", new Text.Inline(sites),
                                "interval", String.valueOf(interval.get())),
                        RuleNotes.of(evidence, facts)),
                facts,
                parameters.ecog()));
    }
}
