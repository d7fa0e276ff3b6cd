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
    static final RuleSpec SPEC = RuleSpec.rule(ID, HighDoseIfosfamideRule::new)
            .answers(Hook.PATIENT_VIEW)
            .reads(
                    Concepts.LEIOMYOSARCOMA,
                    Concepts.METASTATIC_DISEASE,
                    Concepts.ANTHRACYCLINES,
                    Concepts.IFOSFAMIDE,
                    Concepts.DOCETAXEL);

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
        ifosfamide.forEach(f -> evidence.add(new Evidence("Prior ifosfamide", f)));
        facts.exposures(Concepts.DOCETAXEL).forEach(f -> evidence.add(new Evidence("Prior docetaxel", f)));
        String docetaxel = facts.exposures(Concepts.DOCETAXEL).isEmpty()
                ? ""
                : " The record shows prior docetaxel: the source finds high-dose ifosfamide less attractive after standard"
                        + " chemotherapy that included docetaxel.";
        return Optional.of(new Finding(
                ID,
                evidence,
                Map.of("ifosfamideHistory", history(ifosfamide, highDose) + docetaxel),
                RuleNotes.of(evidence, facts)));
    }

    private static String history(List<Fact> ifosfamide, double highDose) {
        if (ifosfamide.isEmpty()) {
            return "The record shows no ifosfamide.";
        }
        List<Fact> dosed =
                ifosfamide.stream().filter(f -> f.gramsPerM2PerCycle() != null).toList();
        if (dosed.isEmpty()) {
            return "The record shows ifosfamide without a structured dose per cycle: check the chemotherapy record for"
                    + " whether it reached " + Numbers.plain(highDose)
                    + " g/m² per cycle before considering this option.";
        }
        double max = dosed.stream().mapToDouble(Fact::gramsPerM2PerCycle).max().orElseThrow();
        return "The record shows ifosfamide at up to " + Numbers.plain(max)
                + " g/m² per cycle, below the high-dose range.";
    }
}
