package org.sarcomacds.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.rules.Evidence;
import org.sarcomacds.rules.Finding;
import org.sarcomacds.text.Markdown;
import org.springframework.stereotype.Component;

/**
 * Turns findings into CDS Hooks cards: the reviewed text, the caveats, then "Why this card" and the citations. Cards
 * come most urgent first, then in the priority order of their card texts.
 */
@Component
public class CardFactory {

    private static final Map<String, Integer> URGENCY = Map.of("critical", 0, "warning", 1, "info", 2);

    private final CardTemplates templates;
    private final OrderBuilder orders;

    CardFactory(CardTemplates templates, OrderBuilder orders) {
        this.templates = templates;
        this.orders = orders;
    }

    public List<Card> cards(List<Finding> findings, String patientId) {
        return findings.stream()
                .sorted(Comparator.comparing((Finding f) -> URGENCY.get(indicator(f)))
                        .thenComparing(f -> templates.forRule(f.ruleId()).priority())
                        .thenComparing(Finding::ruleId))
                .map(f -> card(f, patientId))
                .toList();
    }

    private String indicator(Finding finding) {
        return finding.indicator() != null
                ? finding.indicator()
                : templates.forRule(finding.ruleId()).indicator();
    }

    private Card card(Finding finding, String patientId) {
        CardTemplate template = templates.forRule(finding.ruleId());
        String indicator = indicator(finding);
        List<Suggestion> suggestions = new ArrayList<>();
        boolean onlyOne = finding.removals().size() == 1;
        finding.removals().forEach(draft -> suggestions.add(removal(draft, onlyOne)));
        if (finding.offerOrders()) {
            template.orders().forEach(order -> suggestions.add(orders.suggestion(order, finding.fills(), patientId)));
        }
        return new Card(
                UUID.randomUUID().toString(),
                template.summary(),
                detail(template, finding),
                indicator,
                template.source(),
                suggestions,
                suggestions.isEmpty() ? null : "at-most-one",
                indicator.equals("info") ? List.of() : template.overrideReasons(),
                template.links(),
                finding.ruleId());
    }

    private String detail(CardTemplate template, Finding finding) {
        StringBuilder md = new StringBuilder();
        template.detail()
                .forEach(line ->
                        md.append(Placeholders.fill(line, finding.fills())).append('\n'));
        List<String> citations = new ArrayList<>(template.citations());
        for (String caveatId : finding.caveats()) {
            CaveatTemplate caveat = templates.caveat(caveatId);
            md.append('\n');
            caveat.detail().forEach(line -> md.append(line).append('\n'));
            caveat.citations().stream().filter(c -> !citations.contains(c)).forEach(citations::add);
        }
        md.append("\n### Why this card\n");
        for (Evidence evidence : finding.evidence()) {
            md.append("- ")
                    .append(evidence.role())
                    .append(": ")
                    .append(describe(evidence.fact()))
                    .append('\n');
        }
        for (String note : finding.notes()) {
            md.append("- **Note:** ").append(Markdown.escape(note)).append('\n');
        }
        md.append("\nRule `").append(template.ruleId()).append('`');
        finding.caveats().forEach(c -> md.append(", caveat `").append(c).append('`'));
        md.append(".\n\n### Sources\n");
        for (int i = 0; i < citations.size(); i++) {
            md.append(i + 1).append(". ").append(citations.get(i)).append('\n');
        }
        return withoutRunsOfBlankLines(md).strip();
    }

    /** Sections a template leaves empty leave runs of blank lines; one blank line is enough (no regex: every card). */
    private static String withoutRunsOfBlankLines(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            newlines = c == '\n' ? newlines + 1 : 0;
            if (newlines <= 2) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String describe(Fact fact) {
        StringBuilder text = new StringBuilder("*")
                .append(Markdown.escape(fact.display()))
                .append("* (")
                .append(Markdown.escape(fact.status()));
        if (!fact.when().isEmpty()) {
            text.append(", ").append(Markdown.escape(fact.when()));
        }
        if (!fact.note().isEmpty()) {
            text.append(", ").append(Markdown.escape(fact.note()));
        }
        if (fact.gramsPerM2PerCycle() != null) {
            text.append(", ").append(fact.gramsPerM2PerCycle()).append(" g/m² per cycle");
        }
        return text.append("; matched ")
                .append(Markdown.escape(fact.matchedOn()))
                .append(") — `")
                .append(fact.reference().replace("`", ""))
                .append('`')
                .toString();
    }

    /** A suggestion to delete a draft; recommended when it is the only way to resolve the card. */
    private static Suggestion removal(DraftOrder draft, boolean recommended) {
        String label = "Remove the draft order: " + draft.drug().display();
        Action delete = Action.delete(
                "Delete the draft " + draft.drug().display() + " order",
                draft.drug().reference());
        return new Suggestion(
                label.length() > 120 ? label.substring(0, 120) : label,
                UUID.randomUUID().toString(),
                recommended ? Boolean.TRUE : null,
                List.of(delete));
    }
}
