package org.sarcomacds.rules;

import java.util.List;
import java.util.Optional;
import org.sarcomacds.facts.PatientFacts;
import org.springframework.stereotype.Component;

/** Runs every rule on the facts of one hook call, then applies the caveats that qualify every card. */
@Component
public class RuleEngine {

    private final List<Rule> rules;

    RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Finding> evaluate(String hook, PatientFacts facts) {
        List<Finding> findings = rules.stream()
                .map(rule -> rule.evaluate(hook, facts))
                .flatMap(Optional::stream)
                .toList();
        return BonePrimaryCaveat.apply(findings, facts);
    }

    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }

    public static List<String> caveatIds() {
        return List.of(BonePrimaryCaveat.ID);
    }
}
