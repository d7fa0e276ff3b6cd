package org.sarcomacds.cards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.rules.Rules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The card texts of {@code hooks/cards/}, checked at start-up: every rule of the registry has one, every one belongs to
 * a rule of the registry, and each is a valid card.
 */
@Component
class CardTemplates {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    private final Map<String, CardTemplate> byRule = new HashMap<>();
    private final Map<String, CaveatTemplate> caveats = new HashMap<>();

    @Autowired
    CardTemplates() {
        this(KnowledgeFiles.jsonFiles("cards"), Rules.ids());
        for (KnowledgeFile file : KnowledgeFiles.jsonFiles("caveats")) {
            CaveatTemplate caveat = file.as(CaveatTemplate.class);
            if (caveat.detail().isEmpty() || caveat.citations().isEmpty()) {
                throw new IllegalStateException(file.name() + ": a caveat needs detail and citations");
            }
            caveats.put(caveat.id(), caveat);
        }
        for (String caveatId : Rules.CAVEATS) {
            if (!caveats.containsKey(caveatId)) {
                throw new IllegalStateException("Caveat " + caveatId + " has no text in hooks/caveats");
            }
        }
    }

    CardTemplates(List<KnowledgeFile> files, List<String> ruleIds) {
        for (KnowledgeFile file : files) {
            CardTemplate template = file.as(CardTemplate.class);
            check(template, file.name());
            if (!ruleIds.contains(template.ruleId())) {
                throw new IllegalStateException(file.name() + " is the card text of " + template.ruleId()
                        + ", which is not in the rule registry");
            }
            byRule.put(template.ruleId(), template);
        }
        for (String ruleId : ruleIds) {
            if (!byRule.containsKey(ruleId)) {
                throw new IllegalStateException("Rule " + ruleId + " has no card text in hooks/cards");
            }
        }
    }

    private static void check(CardTemplate template, String file) {
        if (!INDICATORS.contains(template.indicator())
                || template.summary() == null
                || template.summary().length() >= 140
                || template.source() == null
                || template.source().label() == null
                || template.citations().isEmpty()) {
            throw new IllegalStateException(file + ": a card needs an indicator, a summary under 140 characters,"
                    + " a source label and citations");
        }
        if (!template.indicator().equals("info") && template.overrideReasons().isEmpty()
                || template.ruleId() == null
                || !file.equals(template.ruleId() + ".json")) {
            throw new IllegalStateException(file + ": warning and critical cards need override reasons, and the file"
                    + " is named after its rule id");
        }
        if (template.overrideReasons().stream().anyMatch(r -> r.display() == null)) {
            throw new IllegalStateException(file + ": every override reason needs a display");
        }
    }

    CardTemplate forRule(String ruleId) {
        return byRule.get(ruleId);
    }

    CaveatTemplate caveat(String caveatId) {
        return caveats.get(caveatId);
    }
}
