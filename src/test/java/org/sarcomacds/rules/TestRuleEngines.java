package org.sarcomacds.rules;

import java.util.List;
import org.sarcomacds.knowledge.ClinicalParameters;

/** The rule engine with every rule, built without Spring, for tests in other packages. */
public final class TestRuleEngines {

    private TestRuleEngines() {}

    public static RuleEngine all() {
        ClinicalParameters parameters = ClinicalParameters.load();
        return new RuleEngine(List.of(
                new TrabectedinNextLineRule(parameters),
                new RegorafenibAlternativeRule(),
                new TrabectedinLowDoseRadiotherapyRule(),
                new HighDoseIfosfamideRule(parameters),
                new OligometastaticLocalTherapyRule(parameters),
                new ClinicalTrialsRule(),
                new NtrkFusionRule(),
                new TrabectedinSafetyRule(parameters),
                new TrabectedinCyp3aRule(),
                new GemcitabinePazopanibRule()));
    }
}
