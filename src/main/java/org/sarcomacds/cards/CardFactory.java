package org.sarcomacds.cards;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.rules.Evidence;
import org.sarcomacds.rules.Finding;
import org.springframework.stereotype.Component;

/** Turns findings into CDS Hooks cards: the reviewed text, then "Why this card" and the citations. */
@Component
public class CardFactory {

    private static final Map<String, Integer> URGENCY = Map.of("critical", 0, "warning", 1, "info", 2);

    private final CardTemplates templates;

    CardFactory(CardTemplates templates) {
        this.templates = templates;
    }

    /** One card per finding, the most urgent first. */
    public List<Card> cards(List<Finding> findings) {
        return findings.stream()
                .map(this::card)
                .sorted(Comparator.comparing(card -> URGENCY.get(card.indicator())))
                .toList();
    }

    private Card card(Finding finding) {
        CardTemplate template = templates.forRule(finding.ruleId());
        boolean onlyOne = finding.removals().size() == 1;
        List<Suggestion> suggestions = finding.removals().stream().map(draft -> removal(draft, onlyOne)).toList();
        return new Card(
                UUID.randomUUID().toString(),
                template.summary(),
                detail(template, finding),
                template.indicator(),
                template.source(),
                suggestions,
                suggestions.isEmpty() ? null : "at-most-one",
                template.indicator().equals("info") ? List.of() : template.overrideReasons(),
                template.links(),
                finding.ruleId());
    }

    private static String detail(CardTemplate template, Finding finding) {
        StringBuilder md = new StringBuilder();
        for (String line : template.detail()) {
            md.append(fill(line, finding.fills())).append('\n');
        }
        md.append("\n### Why this card\n");
        for (Evidence evidence : finding.evidence()) {
            md.append("- ").append(evidence.role()).append(": ").append(describe(evidence.fact())).append('\n');
        }
        for (String note : finding.notes()) {
            md.append("- **Note:** ").append(Markdown.escape(note)).append('\n');
        }
        md.append("\nRule `").append(template.ruleId()).append("`.\n\n### Sources\n");
        for (int i = 0; i < template.citations().size(); i++) {
            md.append(i + 1).append(". ").append(template.citations().get(i)).append('\n');
        }
        return md.toString().strip();
    }

    private static String describe(Fact fact) {
        StringBuilder text = new StringBuilder("*").append(Markdown.escape(fact.display())).append("* (")
                .append(Markdown.escape(fact.status()));
        if (!fact.when().isEmpty()) {
            text.append(", ").append(Markdown.escape(fact.when()));
        }
        return text.append("; matched ").append(Markdown.escape(fact.matchedOn())).append(") — `")
                .append(fact.reference().replace("`", "")).append('`').toString();
    }

    /** A suggestion to delete a draft; recommended when it is the only way to resolve the card. */
    private static Suggestion removal(DraftOrder draft, boolean recommended) {
        String label = "Remove the draft order: " + draft.drug().display();
        Action delete = Action.delete("Delete the draft " + draft.drug().display() + " order", draft.drug().reference());
        return new Suggestion(label.length() > 120 ? label.substring(0, 120) : label, UUID.randomUUID().toString(),
                recommended ? Boolean.TRUE : null, List.of(delete));
    }

    private static String fill(String line, Map<String, String> fills) {
        String filled = line;
        for (Map.Entry<String, String> fill : fills.entrySet()) {
            filled = filled.replace("{{" + fill.getKey() + "}}", fill.getValue());
        }
        return filled;
    }
}
