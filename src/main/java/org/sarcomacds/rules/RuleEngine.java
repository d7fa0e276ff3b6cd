package org.sarcomacds.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.facts.Terminology;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs the rules of the registry that answer the facts' hook, each reading only the value sets it declares, then
 * applies the caveats that qualify every card.
 */
@Component
public class RuleEngine {

    private final List<Entry> rules;

    /** The registry's rules; start-up stops if a rule declares a value set that {@code hooks/valuesets} lacks. */
    @Autowired
    RuleEngine(ClinicalParameters parameters, Terminology terminology) {
        this(Rules.ALL, parameters);
        for (RuleSpec spec : Rules.ALL) {
            Set<String> missing = new TreeSet<>(spec.readable());
            missing.removeAll(terminology.valueSetIds());
            if (!missing.isEmpty()) {
                throw new IllegalStateException(
                        "Rule " + spec.id() + " reads value sets that are not in hooks/valuesets: " + missing);
            }
        }
    }

    public RuleEngine(List<RuleSpec> specs, ClinicalParameters parameters) {
        this.rules = specs.stream()
                .map(spec -> new Entry(spec, spec.create(parameters), Set.copyOf(spec.readable())))
                .toList();
    }

    public List<Finding> evaluate(PatientFacts facts) {
        List<Finding> findings = rules.stream()
                .filter(entry -> entry.spec().hooks().contains(facts.hook()))
                .map(entry -> entry.rule().evaluate(facts.readBy(entry.spec().id(), entry.readable())))
                .flatMap(Optional::stream)
                .toList();
        return BonePrimaryCaveat.apply(findings, facts);
    }

    private record Entry(RuleSpec spec, Rule rule, Set<String> readable) {}
}
