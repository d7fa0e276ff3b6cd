package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.knowledge.ClinicalParameters;

/**
 * A rule's entry in the registry ({@link Rules}), declared next to its logic as the rule's {@code SPEC}: everything
 * a reviewer needs to find the rest of it.
 *
 * @param id           stable id: the card's {@code source.topic}, and the name of its card text ({@link #cardFile()})
 * @param hooks        the hooks it answers; the engine calls it on no other
 * @param valueSets    the value sets of {@code hooks/valuesets/} it reads about Conditions and medications
 * @param observations the observation value sets ({@code obs-*}) it reads, each fetched under its own prefetch key
 * @param factory      makes the rule from the clinical parameters
 */
public record RuleSpec(
        String id,
        Set<Hook> hooks,
        List<String> valueSets,
        List<String> observations,
        Function<ClinicalParameters, Rule> factory) {

    public RuleSpec {
        hooks = hooks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(hooks));
        valueSets = List.copyOf(valueSets);
        observations = List.copyOf(observations);
    }

    static RuleSpec rule(String id, Function<ClinicalParameters, Rule> factory) {
        return new RuleSpec(id, Set.of(), List.of(), List.of(), factory);
    }

    RuleSpec answers(Hook... answered) {
        return new RuleSpec(id, Set.of(answered), valueSets, observations, factory);
    }

    RuleSpec reads(String... read) {
        return new RuleSpec(id, hooks, List.of(read), observations, factory);
    }

    RuleSpec reads(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return new RuleSpec(id, hooks, all, observations, factory);
    }

    RuleSpec observes(String... observed) {
        return new RuleSpec(id, hooks, valueSets, List.of(observed), factory);
    }

    RuleSpec observes(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return new RuleSpec(id, hooks, valueSets, all, factory);
    }

    /** The card text of the rule, under {@code hooks/}. */
    public String cardFile() {
        return "cards/" + id + ".json";
    }

    /** Every value set the rule may read: its value sets and its observations. */
    public Set<String> readable() {
        Set<String> all = new LinkedHashSet<>(valueSets);
        all.addAll(observations);
        return all;
    }

    Rule create(ClinicalParameters parameters) {
        return factory.apply(parameters);
    }
}
