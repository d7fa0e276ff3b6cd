package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.protocol.ServiceDefinition;
import org.sarcomacds.record.PrefetchDefinition;

/**
 * Checks the rule registry against everything it names: card texts, value sets, the services' prefetch keys and the
 * two tables of {@code docs/clinical-rules.md}. Each disagreement is one sentence that says what to fix.
 *
 * @param cards       card file name to what it holds: the rule id, its variants, whether it is an option, and the
 *                    indicators it has override reasons for
 * @param valueSets   the ids of the value sets in {@code hooks/valuesets/}
 * @param rulesDoc    the text of {@code docs/clinical-rules.md}
 */
record RegistryCheck(
        List<RuleSpec> rules,
        List<String> caveats,
        Map<String, CardText> cards,
        Set<String> valueSets,
        List<String> metastasisSites,
        List<ServiceDefinition> services,
        PrefetchDefinition prefetch,
        String rulesDoc) {

    private static final Pattern RULE_ID = Pattern.compile("`(LMS-[A-Z0-9-]+)`");

    /**
     * What the registry checks in one card file.
     *
     * @param variants             the keys of its {@code variants}
     * @param option               true when it has an {@code option} (an entry of the consult)
     * @param overrideIndicators   the indicators it has override reasons for
     */
    record CardText(String ruleId, Set<String> variants, boolean option, Set<String> overrideIndicators) {}

    RegistryCheck withCards(Map<String, CardText> changed) {
        return new RegistryCheck(rules, caveats, changed, valueSets, metastasisSites, services, prefetch, rulesDoc);
    }

    RegistryCheck withValueSets(Set<String> changed) {
        return new RegistryCheck(rules, caveats, cards, changed, metastasisSites, services, prefetch, rulesDoc);
    }

    RegistryCheck withServices(List<ServiceDefinition> changed) {
        return new RegistryCheck(rules, caveats, cards, valueSets, metastasisSites, changed, prefetch, rulesDoc);
    }

    RegistryCheck withRulesDoc(String changed) {
        return new RegistryCheck(rules, caveats, cards, valueSets, metastasisSites, services, prefetch, changed);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        cards(problems);
        valueSets(problems);
        observations(problems);
        hooks(problems);
        rulesTable(problems);
        traceability(problems);
        return problems;
    }

    private void cards(List<String> problems) {
        for (RuleSpec rule : rules) {
            String file = rule.id() + ".json";
            CardText card = cards.get(file);
            if (card == null) {
                problems.add("Rule " + rule.id() + " has no card text: hooks/" + rule.cardFile() + " is missing.");
            } else if (!rule.id().equals(card.ruleId())) {
                problems.add("hooks/" + rule.cardFile() + " holds the card text of " + card.ruleId() + ", not of "
                        + rule.id() + ".");
            } else {
                kind(rule, card, problems);
                variants(rule.id(), keys(rule.variants()), card, problems);
            }
        }
        CardText consult = cards.get(Consult.ID + ".json");
        if (consult == null) {
            problems.add(
                    "The consult " + Consult.ID + " has no card text: hooks/" + Consult.cardFile() + " is missing.");
        } else {
            variants(Consult.ID, keys(Consult.VARIANTS), consult, problems);
        }
        Set<String> ids = ids();
        ids.add(Consult.ID);
        cards.forEach((file, card) -> {
            if (!ids.contains(card.ruleId())) {
                problems.add("hooks/cards/" + file + " is the card text of " + card.ruleId()
                        + ", which is not in the rule registry (Rules.ALL).");
            }
        });
    }

    /** An option's card text is an entry of the consult; a warning's has override reasons for what it raises. */
    private static void kind(RuleSpec rule, CardText card, List<String> problems) {
        if (rule.isOption() != card.option()) {
            problems.add("Rule " + rule.id() + " is " + (rule.isOption() ? "an option" : "a warning")
                    + " in the registry, but hooks/" + rule.cardFile() + " is written as "
                    + (card.option() ? "an option" : "a warning") + ".");
        }
        Set<String> needed = new TreeSet<>(rule.indicators());
        needed.remove("info");
        if (!rule.isOption() && !needed.equals(new TreeSet<>(card.overrideIndicators()))) {
            problems.add("Rule " + rule.id() + " may raise " + needed + ", but hooks/" + rule.cardFile()
                    + " has override reasons for " + new TreeSet<>(card.overrideIndicators()) + ".");
        }
    }

    private static void variants(String id, Set<String> declared, CardText card, List<String> problems) {
        Set<String> missing = new TreeSet<>(declared);
        missing.removeAll(card.variants());
        Set<String> extra = new TreeSet<>(card.variants());
        extra.removeAll(declared);
        missing.forEach(key -> problems.add(
                id + " declares the variant '" + key + "', which hooks/cards/" + id + ".json has no words for."));
        extra.forEach(key -> problems.add(
                "hooks/cards/" + id + ".json has the variant '" + key + "', which " + id + " does not declare."));
    }

    private static Set<String> keys(List<Variant> variants) {
        return variants.stream().map(Variant::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private void valueSets(List<String> problems) {
        for (RuleSpec rule : rules) {
            for (String valueSet : rule.readable()) {
                if (!valueSets.contains(valueSet)) {
                    problems.add("Rule " + rule.id() + " reads value set '" + valueSet
                            + "', which hooks/valuesets/ does not have.");
                }
            }
            for (String valueSet : rule.valueSets()) {
                if (prefetch.key(valueSet).isPresent()) {
                    problems.add("Rule " + rule.id() + " reads observation value set '" + valueSet
                            + "' with reads(); declare it with observes(), so that its prefetch key is checked.");
                }
            }
        }
        Set<String> metastases = new TreeSet<>(
                valueSets.stream().filter(v -> v.startsWith("metastasis-")).toList());
        if (!metastases.equals(new TreeSet<>(metastasisSites))) {
            problems.add("Concepts.METASTASIS_SITES lists " + new TreeSet<>(metastasisSites)
                    + " but hooks/valuesets/ has the metastasis value sets " + metastases + ".");
        }
    }

    private void observations(List<String> problems) {
        Set<String> observed = new LinkedHashSet<>();
        for (RuleSpec rule : rules) {
            for (String observation : rule.observations()) {
                observed.add(observation);
                if (prefetch.key(observation).isEmpty()) {
                    problems.add("Rule " + rule.id() + " observes '" + observation
                            + "', which is no observation value set with a prefetch key.");
                    continue;
                }
                String key = prefetch.key(observation).get();
                for (ServiceDefinition service : services) {
                    if (rule.hooks().contains(service.hook())
                            && !service.prefetch().containsKey(key)) {
                        problems.add("Rule " + rule.id() + " observes '" + observation + "', but service "
                                + service.id() + " does not prefetch its key '" + key + "'.");
                    }
                }
            }
        }
        for (String observation : prefetch.observationValueSets()) {
            if (!observed.contains(observation)) {
                problems.add("hooks/valuesets/" + observation + ".json is prefetched (key '"
                        + prefetch.key(observation).orElseThrow() + "') but no rule observes it.");
            }
        }
    }

    private void hooks(List<String> problems) {
        for (ServiceDefinition service : services) {
            if (rules.stream().noneMatch(rule -> rule.hooks().contains(service.hook()))) {
                problems.add("Service " + service.id() + " answers "
                        + service.hook().id() + ", which no rule of the registry answers.");
            }
        }
        for (RuleSpec rule : rules) {
            if (rule.hooks().isEmpty()) {
                problems.add("Rule " + rule.id() + " answers no hook: declare them with answers().");
            }
        }
    }

    /**
     * The rules table: one row per rule, its hooks and its kind (option or warning) as the registry declares them;
     * caveats answer "all" and are of kind "caveat", the consult of kind "consult".
     */
    private void rulesTable(List<String> problems) {
        Map<String, String> hooksById = new LinkedHashMap<>();
        Map<String, String> kindById = new LinkedHashMap<>();
        for (List<String> row : table("| # | rule id | hooks | kind |")) {
            Matcher id = RULE_ID.matcher(row.get(1));
            if (!id.find()) {
                problems.add("docs/clinical-rules.md: the rules table has a row without a rule id: " + row + ".");
                continue;
            }
            kindById.put(id.group(1), row.get(3));
            if (hooksById.put(id.group(1), row.get(2)) != null) {
                problems.add("docs/clinical-rules.md lists " + id.group(1) + " twice in the rules table.");
            }
        }
        for (RuleSpec rule : rules) {
            String listed = hooksById.remove(rule.id());
            if (listed == null) {
                problems.add("docs/clinical-rules.md has no row for " + rule.id() + " in the rules table.");
            } else if (!hooks(listed).equals(Optional.of(rule.hooks()))) {
                problems.add("docs/clinical-rules.md says " + rule.id() + " answers '" + listed
                        + "', but its RuleSpec answers " + ids(rule.hooks()) + ".");
            }
            String kind = rule.isOption() ? "option" : "warning";
            if (listed != null && !kind.equals(kindById.get(rule.id()))) {
                problems.add("docs/clinical-rules.md says " + rule.id() + " is of kind '" + kindById.get(rule.id())
                        + "', but its RuleSpec makes it " + kind + ".");
            }
        }
        if (!"consult".equals(kindById.get(Consult.ID))) {
            problems.add("docs/clinical-rules.md needs a row for the consult " + Consult.ID
                    + " in the rules table, of kind 'consult'.");
        }
        hooksById.remove(Consult.ID);
        for (String caveat : caveats) {
            String listed = hooksById.remove(caveat);
            if (listed == null || !listed.equals("all") || !"caveat".equals(kindById.get(caveat))) {
                problems.add("docs/clinical-rules.md needs a row for caveat " + caveat
                        + " in the rules table, with hooks 'all' and kind 'caveat'.");
            }
        }
        hooksById
                .keySet()
                .forEach(id -> problems.add("docs/clinical-rules.md lists " + id
                        + " in the rules table, but it is neither a rule of the registry nor a caveat."));
    }

    /** The traceability table: every rule implements a statement of the source, and names only known rules. */
    private void traceability(List<String> problems) {
        Set<String> traced = new LinkedHashSet<>();
        for (List<String> row : table("| # | statement of the source | rule |")) {
            Matcher id = RULE_ID.matcher(row.get(2));
            while (id.find()) {
                traced.add(id.group(1));
            }
        }
        for (RuleSpec rule : rules) {
            if (!traced.remove(rule.id())) {
                problems.add("docs/clinical-rules.md traces no statement of the source to " + rule.id()
                        + ": add its row to the traceability table.");
            }
        }
        traced.removeAll(caveats);
        traced.forEach(id -> problems.add("docs/clinical-rules.md traces a statement to " + id
                + ", which is neither a rule of the registry nor a caveat."));
    }

    /** The rows (cells, trimmed, without the outer pipes) of the Markdown table whose header starts so. */
    private List<List<String>> table(String header) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = rulesDoc.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (lines.get(i).startsWith(header)) {
                start = i + 2; // past the header and its separator
            }
        }
        for (int i = Math.max(start, 0);
                start >= 0 && i < lines.size() && lines.get(i).startsWith("|");
                i++) {
            String line = lines.get(i).strip();
            List<String> cells = Arrays.stream(
                            line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::strip)
                    .toList();
            rows.add(cells);
        }
        return rows;
    }

    /** The hooks a table cell lists, comma-separated; empty when one is not a hook id. */
    private static Optional<Set<Hook>> hooks(String listed) {
        Set<Hook> hooks = EnumSet.noneOf(Hook.class);
        for (String id : listed.split(",")) {
            Optional<Hook> hook = Hook.byId(id.strip());
            if (hook.isEmpty()) {
                return Optional.empty();
            }
            hooks.add(hook.get());
        }
        return Optional.of(hooks);
    }

    private static String ids(Collection<Hook> hooks) {
        return hooks.stream().map(Hook::id).collect(Collectors.joining(", ", "'", "'"));
    }

    private Set<String> ids() {
        return rules.stream().map(RuleSpec::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
