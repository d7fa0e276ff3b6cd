package org.sarcomacds.cards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.rules.Consult;
import org.sarcomacds.rules.Evidence;
import org.sarcomacds.rules.Finding;
import org.sarcomacds.rules.Phrase;
import org.sarcomacds.rules.RuleSpec;
import org.sarcomacds.rules.Rules;
import org.sarcomacds.text.Markdown;
import org.springframework.stereotype.Component;

/**
 * Turns findings into CDS Hooks cards. The findings of the option rules become one card, the next-line consult
 * ({@link Consult}): its top lines, the options ranked by their card texts' priority with their suggestions, then
 * "Why this card" and the sources. Every other finding is a card of its own: the reviewed text, the caveats, "Why this
 * card" and the citations. Cards come most urgent first, then in the priority order of their card texts. Each card
 * links to the full evidence of its rules ({@code /evidence/<rule id>}) when the service knows its own address.
 */
@Component
public class CardFactory {

    private static final Map<String, Integer> URGENCY = Map.of("critical", 0, "warning", 1, "info", 2);

    private final CardTemplates templates;
    private final OrderBuilder orders;
    private final CardWords words;

    CardFactory(CardTemplates templates, OrderBuilder orders) {
        this.templates = templates;
        this.orders = orders;
        this.words = templates.words();
    }

    /**
     * @param baseUrl the service's external address (before {@code /evidence}), or blank for cards without the
     *                evidence links (the warm-up, benchmarks)
     */
    public List<Card> cards(List<Finding> findings, String patientId, String baseUrl) {
        List<Finding> options = findings.stream()
                .filter(f -> Rules.find(f.ruleId()).map(RuleSpec::isOption).orElse(false))
                .sorted(Comparator.comparing(
                                (Finding f) -> templates.forRule(f.ruleId()).priority())
                        .thenComparing(Finding::ruleId))
                .toList();
        List<Card> cards = new ArrayList<>();
        findings.stream()
                .filter(f -> !options.contains(f))
                .map(f -> card(f, patientId, baseUrl))
                .forEach(cards::add);
        if (!options.isEmpty()) {
            cards.add(consult(options, patientId, baseUrl));
        }
        return cards.stream()
                .sorted(Comparator.comparing((Card c) -> URGENCY.get(c.indicator()))
                        .thenComparing(c -> templates.forRule(c.ruleId()).priority())
                        .thenComparing(Card::ruleId))
                .toList();
    }

    private Card card(Finding finding, String patientId, String baseUrl) {
        CardTemplate template = templates.forRule(finding.ruleId());
        RuleSpec spec = Rules.find(finding.ruleId()).orElseThrow();
        String indicator = finding.indicator() != null ? finding.indicator() : template.indicator();
        if (!spec.indicators().contains(indicator)) {
            throw new IllegalStateException(
                    "Rule " + spec.id() + " raised indicator " + indicator + ", which its RuleSpec does not declare");
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Map<String, String> suggestionRules = new LinkedHashMap<>();
        boolean onlyOne = finding.removals().size() == 1;
        finding.removals().forEach(draft -> suggestions.add(removal(draft, onlyOne)));
        suggestions.addAll(offeredOrders(finding, template, patientId));
        suggestions.forEach(s -> suggestionRules.put(s.uuid(), finding.ruleId()));
        String summary = finding.summary() != null
                ? words.render(finding.summary(), template.variants(), false)
                : words.fill(template.summary(), finding.fills(), template.variants(), false);
        List<Link> links = new ArrayList<>(template.links());
        evidenceLink(baseUrl, finding.ruleId(), template.title()).ifPresent(links::add);
        return new Card(
                UUID.randomUUID().toString(),
                summary,
                detail(template, finding),
                indicator,
                template.source(),
                suggestions,
                suggestions.isEmpty() ? null : "at-most-one",
                template.overrideReasons(indicator),
                links,
                finding.ruleId(),
                List.of(),
                suggestionRules,
                finding.concerns().stream().map(d -> d.drug().reference()).toList());
    }

    private String detail(CardTemplate template, Finding finding) {
        StringBuilder md = new StringBuilder();
        template.detail()
                .forEach(line -> md.append(fill(line, finding, template)).append('\n'));
        List<String> citations = new ArrayList<>(template.citations());
        for (String caveatId : finding.caveats()) {
            CaveatTemplate caveat = templates.caveat(caveatId);
            md.append('\n').append(caveat.line()).append('\n');
            caveat.citations().stream().filter(c -> !citations.contains(c)).forEach(citations::add);
        }
        md.append('\n').append(words.phrase(Phrase.CARD_WHY, Map.of())).append('\n');
        template.why().forEach(line -> md.append(fill(line, finding, template)).append('\n'));
        why(md, finding.evidence(), notes(finding, template));
        md.append('\n').append(ruleLine(template.ruleId(), finding.caveats())).append("\n\n");
        md.append(words.phrase(Phrase.CARD_SOURCES, Map.of())).append('\n');
        for (int i = 0; i < citations.size(); i++) {
            md.append(i + 1).append(". ").append(citations.get(i)).append('\n');
        }
        return withoutRunsOfBlankLines(md).strip();
    }

    /** The consult: top lines, the ranked options with their suggestions, then why and the sources. */
    private Card consult(List<Finding> options, String patientId, String baseUrl) {
        CardTemplate consult = templates.forRule(Consult.ID);
        StringBuilder md = new StringBuilder();
        Set<String> caveats = new LinkedHashSet<>();
        options.forEach(f -> caveats.addAll(f.caveats()));
        caveats.forEach(c -> md.append(templates.caveat(c).line()).append("\n\n"));
        options.stream()
                .flatMap(f -> f.topLines().stream())
                .distinct()
                .forEach(line ->
                        md.append(words.render(line, consult.variants(), true)).append("\n\n"));
        List<Suggestion> suggestions = new ArrayList<>();
        Map<String, String> suggestionRules = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Finding option = options.get(i);
            CardTemplate template = templates.forRule(option.ruleId());
            md.append(optionEntry(i + 1, option, template)).append('\n');
            for (Suggestion s : offeredOrders(option, template, patientId)) {
                suggestions.add(s);
                suggestionRules.put(s.uuid(), option.ruleId());
            }
            links.addAll(template.links());
            evidenceLink(baseUrl, option.ruleId(), template.option().label()).ifPresent(links::add);
        }
        md.append('\n').append(words.phrase(Phrase.CARD_WHY, Map.of())).append('\n');
        why(
                md,
                onePerFact(options.stream().flatMap(f -> f.evidence().stream()).toList()),
                options.stream()
                        .flatMap(f -> notes(f, templates.forRule(f.ruleId())).stream())
                        .distinct()
                        .toList());
        Map<String, String> composed = Map.of(
                "rule", code(Consult.ID),
                "options", codes(options.stream().map(Finding::ruleId)),
                "caveats", codes(caveats.stream()));
        md.append('\n')
                .append(words.phrase(
                        caveats.isEmpty() ? Phrase.CONSULT_RULE : Phrase.CONSULT_RULE_WITH_CAVEATS, composed))
                .append("\n\n")
                .append(words.phrase(Phrase.CARD_SOURCES, Map.of()))
                .append('\n');
        Map<String, List<String>> ranksBySource = new LinkedHashMap<>();
        for (int i = 0; i < options.size(); i++) {
            CardSource source = templates.forRule(options.get(i).ruleId()).source();
            String label = source.url() == null ? source.label() : source.label() + " " + source.url();
            ranksBySource.computeIfAbsent(label, k -> new ArrayList<>()).add(String.valueOf(i + 1));
        }
        int n = 1;
        for (Map.Entry<String, List<String>> source : ranksBySource.entrySet()) {
            md.append(n++)
                    .append(". ")
                    .append(words.phrase(
                            Phrase.CONSULT_SOURCE,
                            Map.of("source", source.getKey(), "options", String.join(", ", source.getValue()))))
                    .append('\n');
        }
        return new Card(
                UUID.randomUUID().toString(),
                consult.summary(),
                withoutRunsOfBlankLines(md).strip(),
                consult.indicator(),
                consult.source(),
                suggestions,
                suggestions.isEmpty() ? null : "at-most-one",
                List.of(),
                links.stream().distinct().toList(),
                Consult.ID,
                options.stream().map(Finding::ruleId).toList(),
                suggestionRules,
                List.of());
    }

    /** One ranked option: "1. **Label** line line line", with the lines that fill to nothing left out. */
    private String optionEntry(int rank, Finding option, CardTemplate template) {
        List<String> lines = template.option().lines().stream()
                .map(line -> fill(line, option, template).strip())
                .filter(line -> !line.isEmpty())
                .toList();
        return words.phrase(
                Phrase.CONSULT_OPTION,
                Map.of(
                        "rank", String.valueOf(rank),
                        "label", fill(template.option().label(), option, template),
                        "lines", String.join(" ", lines)));
    }

    private List<Suggestion> offeredOrders(Finding finding, CardTemplate template, String patientId) {
        if (!finding.offersOrders()) {
            return List.of();
        }
        OrderBuilder.OrderText text = new OrderBuilder.OrderText(words, finding.fills(), template.variants());
        return template.orders().stream()
                .map(order -> orders.suggestion(order, text, patientId, finding.orderReason()))
                .toList();
    }

    private String fill(String line, Finding finding, CardTemplate template) {
        return words.fill(line, finding.fills(), template.variants(), true);
    }

    /** Each matched fact once (resource and what matched), under the first role it played. */
    private static List<Evidence> onePerFact(List<Evidence> evidence) {
        Map<String, Evidence> byFact = new LinkedHashMap<>();
        evidence.forEach(
                e -> byFact.putIfAbsent(e.fact().reference() + "|" + e.fact().matchedOn(), e));
        return List.copyOf(byFact.values());
    }

    /** The finding's notes in the words of its rule's card file. */
    private List<String> notes(Finding finding, CardTemplate template) {
        return finding.notes().stream()
                .map(note -> words.render(note, template.variants(), true))
                .toList();
    }

    private void why(StringBuilder md, List<Evidence> evidence, List<String> notes) {
        for (Evidence e : evidence) {
            md.append("- ")
                    .append(words.render(e.role().text(), Map.of(), true))
                    .append(": ")
                    .append(describe(e.fact()))
                    .append('\n');
        }
        for (String note : notes) {
            md.append("- ")
                    .append(words.phrase(Phrase.CARD_NOTE, Map.of("note", note)))
                    .append('\n');
        }
    }

    private String ruleLine(String ruleId, List<String> caveats) {
        return caveats.isEmpty()
                ? words.phrase(Phrase.CARD_RULE, Map.of("rule", code(ruleId)))
                : words.phrase(
                        Phrase.CARD_RULE_WITH_CAVEATS,
                        Map.of("rule", code(ruleId), "caveats", codes(caveats.stream())));
    }

    private Optional<Link> evidenceLink(String baseUrl, String ruleId, String title) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return Optional.empty();
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return Optional.of(new Link(
                words.phrase(Phrase.LINK_EVIDENCE, Map.of("title", title)), base + "/evidence/" + ruleId, "absolute"));
    }

    private static String code(String id) {
        return "`" + id + "`";
    }

    private static String codes(Stream<String> ids) {
        return String.join(", ", ids.map(CardFactory::code).toList());
    }

    /** Sections a template leaves empty leave runs of blank lines; one blank line is enough (no regex: every card). */
    private static String withoutRunsOfBlankLines(CharSequence text) {
        String whole = text.toString();
        if (!whole.contains("\n\n\n")) {
            return whole; // most cards: nothing to remove, no second copy
        }
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

    private String describe(Fact fact) {
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
            text.append(", ")
                    .append(words.phrase(
                            Phrase.FACT_DOSE_PER_CYCLE, Map.of("grams", String.valueOf(fact.gramsPerM2PerCycle()))));
        }
        return text.append("; ")
                .append(words.phrase(Phrase.FACT_MATCHED, Map.of("how", Markdown.escape(fact.matchedOn()))))
                .append(") — `")
                .append(fact.reference().replace("`", ""))
                .append('`')
                .toString();
    }

    /** A suggestion to delete a draft; recommended when it is the only way to resolve the card. */
    private Suggestion removal(DraftOrder draft, boolean recommended) {
        String label = words.phrase(
                Phrase.SUGGESTION_REMOVE, Map.of("drug", draft.drug().display()));
        Action delete = Action.delete(
                words.phrase(Phrase.ACTION_DELETE, Map.of("drug", draft.drug().display())),
                draft.drug().reference());
        return new Suggestion(
                label.length() > 120 ? label.substring(0, 120) : label,
                UUID.randomUUID().toString(),
                recommended ? Boolean.TRUE : null,
                List.of(delete));
    }
}
