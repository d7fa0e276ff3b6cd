package org.sarcomacds.cards;

import java.util.Map;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.sarcomacds.rules.Phrase;
import org.sarcomacds.rules.Rules;
import org.sarcomacds.text.Markdown;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The full evidence behind one rule's card, as an HTML page ({@code GET /evidence/<rule id>}): the words of the
 * clinical source, the evidence text of the card file, its citations and the documents it cites. Built from the card
 * file alone — never from a patient's data — and rendered from Markdown with any raw HTML escaped and only safe link
 * targets kept.
 */
@Component
public class EvidencePage {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final CardTemplates templates;
    private final CardWords words;

    EvidencePage(CardTemplates templates) {
        this.templates = templates;
        this.words = templates.words();
    }

    /** The page of a rule of the registry; empty for any other id. */
    public Optional<String> html(String ruleId) {
        return Rules.find(ruleId).map(spec -> page(templates.forRule(spec.id())));
    }

    private String page(CardTemplate template) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(Markdown.escape(template.title())).append("\n\n");
        md.append(phrase(Phrase.EVIDENCE_RULE, Map.of("rule", "`" + template.ruleId() + "`")))
                .append("\n\n");
        if (template.sourceStatement() != null) {
            md.append("## ").append(phrase(Phrase.EVIDENCE_SOURCE_STATEMENT)).append("\n\n> ");
            md.append(Markdown.escape(template.sourceStatement())).append("\n\n");
        }
        md.append("## ").append(phrase(Phrase.EVIDENCE_EVIDENCE)).append("\n\n");
        template.evidence().forEach(line -> md.append(line).append('\n'));
        md.append("\n## ").append(phrase(Phrase.EVIDENCE_CITATIONS)).append("\n\n");
        for (int i = 0; i < template.citations().size(); i++) {
            md.append(i + 1).append(". ").append(template.citations().get(i)).append('\n');
        }
        md.append("\n## ").append(phrase(Phrase.EVIDENCE_DOCUMENTS)).append("\n\n");
        if (template.source().url() != null) {
            md.append(link(template.source().label(), template.source().url()));
        }
        template.references().forEach(l -> md.append(link(l.label(), l.url())));
        template.links().forEach(l -> md.append(link(l.label(), l.url())));
        md.append('\n').append(phrase(Phrase.EVIDENCE_NO_PATIENT_DATA)).append('\n');
        String title = HtmlUtils.htmlEscape(phrase(Phrase.EVIDENCE_TITLE, Map.of("title", template.title())));
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head>\n<body><main>\n" + HTML.render(PARSER.parse(md.toString()))
                + "</main></body></html>\n";
    }

    private static String link(String label, String url) {
        return "- [" + Markdown.escape(label) + "](<" + url.replace(">", "%3E") + ">)\n";
    }

    private String phrase(Phrase phrase) {
        return phrase(phrase, Map.of());
    }

    private String phrase(Phrase phrase, Map<String, String> values) {
        return words.phrase(phrase, values);
    }
}
