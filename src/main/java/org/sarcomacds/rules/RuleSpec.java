package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
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
 * @param kind         an option of the next-line consult, or a warning with a card of its own
 * @param indicators   the indicators a warning's card may have (an option is always {@code info})
 * @param variants     the variants of its card text: keys in the card file's {@code variants}, with the values the
 *                     rule passes for each
 * @param fills        the placeholders of the card's summary, detail, option lines and orders that the rule fills
 */
public record RuleSpec(
        String id,
        Set<Hook> hooks,
        List<String> valueSets,
        List<String> observations,
        Function<ClinicalParameters, Rule> factory,
        Kind kind,
        List<String> indicators,
        List<Variant> variants,
        List<String> fills) {

    /** What the rule's findings become: one option of the consult, or a card of its own. */
    public enum Kind {
        OPTION,
        WARNING
    }

    public RuleSpec {
        hooks = hooks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(hooks));
        valueSets = List.copyOf(valueSets);
        observations = List.copyOf(observations);
        indicators = List.copyOf(indicators);
        variants = List.copyOf(variants);
        fills = List.copyOf(fills);
    }

    static RuleSpec rule(String id, Function<ClinicalParameters, Rule> factory) {
        return new RuleSpec(id, Set.of(), List.of(), List.of(), factory, Kind.WARNING, List.of(), List.of(), List.of());
    }

    RuleSpec answers(Hook... answered) {
        return new RuleSpec(id, Set.of(answered), valueSets, observations, factory, kind, indicators, variants, fills);
    }

    RuleSpec reads(String... read) {
        return reads(List.of(read));
    }

    RuleSpec reads(List<String> first, String... more) {
        return new RuleSpec(id, hooks, joined(first, more), observations, factory, kind, indicators, variants, fills);
    }

    RuleSpec observes(String... observed) {
        return observes(List.of(observed));
    }

    RuleSpec observes(List<String> first, String... more) {
        return new RuleSpec(id, hooks, valueSets, joined(first, more), factory, kind, indicators, variants, fills);
    }

    /** An option of the next-line consult: always {@code info}, composed with the others into one card. */
    RuleSpec option() {
        return new RuleSpec(id, hooks, valueSets, observations, factory, Kind.OPTION, List.of("info"), variants, fills);
    }

    /** A warning with a card of its own, which may have these indicators (the card text gives its usual one). */
    RuleSpec warning(String... raised) {
        return new RuleSpec(
                id, hooks, valueSets, observations, factory, Kind.WARNING, List.of(raised), variants, fills);
    }

    RuleSpec variants(Variant... declared) {
        return new RuleSpec(id, hooks, valueSets, observations, factory, kind, indicators, List.of(declared), fills);
    }

    RuleSpec fills(String... filled) {
        return new RuleSpec(id, hooks, valueSets, observations, factory, kind, indicators, variants, List.of(filled));
    }

    private static List<String> joined(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all;
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

    public Optional<Variant> variant(String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst();
    }

    public boolean isOption() {
        return kind == Kind.OPTION;
    }

    Rule create(ClinicalParameters parameters) {
        return factory.apply(parameters);
    }
}
