package org.sarcomacds.cards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.rules.Consult;
import org.sarcomacds.rules.Phrase;
import org.sarcomacds.rules.RuleSpec;
import org.sarcomacds.rules.Rules;
import org.sarcomacds.rules.Variant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The card texts of {@code hooks/cards/} and their shared phrases, checked at start-up: every rule of the registry
 * (and the consult) has one, every one belongs to a rule, each is a valid warning or option, every variant and phrase
 * a rule declares has words that use only the values the rule passes, and no card text uses a placeholder nothing
 * fills. A problem stops start-up with one sentence naming the file and the key.
 */
@Component
class CardTemplates {

    static final String PHRASES = "_phrases.json";

    private final Map<String, CardTemplate> byRule = new HashMap<>();
    private final Map<String, CaveatTemplate> caveats = new HashMap<>();
    private final CardWords words;

    @Autowired
    CardTemplates() {
        this(KnowledgeFiles.jsonFiles("cards"), Rules.ALL, KnowledgeFiles.jsonFiles("caveats"));
    }

    CardTemplates(List<KnowledgeFile> files, List<RuleSpec> rules, List<KnowledgeFile> caveatFiles) {
        Map<String, RuleSpec> specs = new LinkedHashMap<>();
        rules.forEach(spec -> specs.put(spec.id(), spec));
        Map<String, String> phrases = null;
        for (KnowledgeFile file : files) {
            if (file.name().equals(PHRASES)) {
                phrases = CardChecks.phrases(file);
                continue;
            }
            CardTemplate template = file.as(CardTemplate.class);
            String id = template.ruleId();
            if (!file.name().equals(id + ".json")) {
                throw invalid(file.name(), "is named after a rule id other than its ruleId " + id);
            }
            if (id.equals(Consult.ID)) {
                CardChecks.consult(template, file.name());
            } else if (specs.containsKey(id)) {
                CardChecks.rule(template, specs.get(id), file.name());
            } else {
                throw invalid(file.name(), "is the card text of " + id + ", which is not in the rule registry");
            }
            byRule.put(id, template);
        }
        if (phrases == null) {
            throw new InvalidKnowledgeException("hooks/cards/" + PHRASES + " is missing: it holds the shared phrases.");
        }
        for (String id : specs.keySet()) {
            if (!byRule.containsKey(id)) {
                throw new InvalidKnowledgeException("Rule " + id + " has no card text in hooks/cards.");
            }
        }
        if (!byRule.containsKey(Consult.ID)) {
            throw new InvalidKnowledgeException("The consult " + Consult.ID + " has no card text in hooks/cards.");
        }
        this.words = new CardWords(phrases);
        for (KnowledgeFile file : caveatFiles) {
            CaveatTemplate caveat = file.as(CaveatTemplate.class);
            if (caveat.line() == null
                    || caveat.line().isBlank()
                    || caveat.citations().isEmpty()) {
                throw invalid("../caveats/" + file.name(), "needs a line and citations");
            }
            caveats.put(caveat.id(), caveat);
        }
        for (String caveatId : Rules.CAVEATS) {
            if (!caveats.containsKey(caveatId)) {
                throw new InvalidKnowledgeException("Caveat " + caveatId + " has no text in hooks/caveats.");
            }
        }
    }

    static InvalidKnowledgeException invalid(String file, String problem) {
        return new InvalidKnowledgeException("hooks/cards/" + file + " " + problem + ".");
    }

    CardTemplate forRule(String ruleId) {
        return byRule.get(ruleId);
    }

    CaveatTemplate caveat(String caveatId) {
        return caveats.get(caveatId);
    }

    CardWords words() {
        return words;
    }

    /** The placeholders of a text that are not among those allowed, sorted; empty when none. */
    static Set<String> unknown(String text, List<String> allowed) {
        Set<String> unknown = new TreeSet<>(CardWords.placeholders(text));
        unknown.removeAll(allowed);
        return unknown;
    }

    /** The variants a card file must have words for: the rule's, or the consult's. */
    static List<Variant> declared(RuleSpec spec) {
        return spec == null ? Consult.VARIANTS : spec.variants();
    }

    /** Every phrase must have words, with no placeholder it does not declare, and the file nothing else. */
    static void checkPhrases(Map<String, String> phrases) {
        List<String> keys = new ArrayList<>();
        for (Phrase phrase : Phrase.values()) {
            keys.add(phrase.key());
            String text = phrases.get(phrase.key());
            if (text == null || text.isBlank()) {
                throw invalid(PHRASES, "has no words for the phrase '" + phrase.key() + "'");
            }
            Set<String> unknown = unknown(text, phrase.placeholders());
            if (!unknown.isEmpty()) {
                throw invalid(PHRASES, "uses " + unknown + " in '" + phrase.key() + "', which no rule fills");
            }
        }
        for (String key : phrases.keySet()) {
            if (!keys.contains(key)) {
                throw invalid(PHRASES, "has the phrase '" + key + "', which no rule or card uses");
            }
        }
    }
}
