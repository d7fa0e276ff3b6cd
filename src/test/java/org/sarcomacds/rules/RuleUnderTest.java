package org.sarcomacds.rules;

import java.util.List;
import java.util.Optional;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

/**
 * One rule of the registry in an engine of its own: it runs only on the hooks its spec declares and reads only the
 * value sets its spec declares (reading another one fails the test).
 */
final class RuleUnderTest {

    private static final ClinicalParameters PARAMETERS = ClinicalParameters.load();

    private final RuleEngine engine;

    RuleUnderTest(RuleSpec spec) {
        this.engine = new RuleEngine(List.of(spec), PARAMETERS);
    }

    /** The rule's finding for these facts, read on this hook. */
    Optional<Finding> evaluate(Hook hook, PatientFacts facts) {
        PatientFacts onHook = facts.withHook(hook);
        return engine.evaluate(onHook).stream().findFirst();
    }
}
