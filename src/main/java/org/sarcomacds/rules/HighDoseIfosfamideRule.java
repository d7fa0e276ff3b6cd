package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.text.Numbers;

/**
 * LMS-HIGH-DOSE-IFOSFAMIDE: a less preferred option after an anthracycline when the record shows no high-dose
 * ifosfamide. Only a structured dose per cycle counts as known; a free-text dose is shown as "not recorded".
 */
class HighDoseIfosfamideRule implements Rule {

    static final String ID = "LMS-HIGH-DOSE-IFOSFAMIDE";

    static final Variant NO_IFOSFAMIDE = Variant.of("no-ifosfamide");
    static final Variant DOSE_NOT_RECORDED = Variant.of("dose-not-recorded", "highDose");
    static final Variant BELOW_HIGH_DOSE = Variant.of("below-high-dose", "max");
    static final Variant AFTER_DOCETAXEL = Variant.of("after-docetaxel");
    static final RuleSpec SPEC = RuleSpec.rule(ID, HighDoseIfosfamideRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE,
                    Concepts.ANTHRACYCLINES,
                    Concepts.IFOSFAMIDE,
                    Concepts.DOCETAXEL)
            .observes(Concepts.ECOG)
            .option()
            .variants(NO_IFOSFAMIDE, DOSE_NOT_RECORDED, BELOW_HIGH_DOSE, AFTER_DOCETAXEL)
            .fills("ifosfamideHistory", "docetaxel");

    private final ClinicalParameters parameters;

    HighDoseIfosfamideRule(ClinicalParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public Optional<Finding> evaluate(PatientFacts facts) {
        double highDose = parameters.highDoseIfosfamide().minGramsPerM2PerCycle();
        List<Fact> ifosfamide = facts.exposures(Concepts.IFOSFAMIDE);
        boolean hadHighDose =
                ifosfamide.stream().anyMatch(f -> f.gramsPerM2PerCycle() != null && f.gramsPerM2PerCycle() >= highDose);
        if (!DiseaseStates.metastaticAfterAnthracycline(facts) || hadHighDose) {
            return Optional.empty();
        }
        List<Evidence> evidence = DiseaseStates.anthracyclineEvidence(facts);
        ifosfamide.forEach(f -> evidence.add(new Evidence(Phrase.ROLE_PRIOR_IFOSFAMIDE, f)));
        facts.exposures(Concepts.DOCETAXEL).forEach(f -> evidence.add(new Evidence(Phrase.ROLE_PRIOR_DOCETAXEL, f)));
        Object docetaxel = facts.exposures(Concepts.DOCETAXEL).isEmpty() ? "" : AFTER_DOCETAXEL.with();
        Finding finding = new Finding(
                ID,
                evidence,
                Map.of("ifosfamideHistory", history(ifosfamide, highDose), "docetaxel", docetaxel),
                RuleNotes.of(evidence, facts));
        return Optional.of(DiseaseStates.forConsult(finding, facts, parameters.ecog()));
    }

    private static Text history(List<Fact> ifosfamide, double highDose) {
        if (ifosfamide.isEmpty()) {
            return NO_IFOSFAMIDE.with();
        }
        List<Fact> dosed =
                ifosfamide.stream().filter(f -> f.gramsPerM2PerCycle() != null).toList();
        if (dosed.isEmpty()) {
            return DOSE_NOT_RECORDED.with("highDose", Numbers.plain(highDose));
        }
        double max = dosed.stream().mapToDouble(Fact::gramsPerM2PerCycle).max().orElseThrow();
        return BELOW_HIGH_DOSE.with("max", Numbers.plain(max));
    }
}
