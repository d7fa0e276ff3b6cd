package org.sarcomacds.cards;

import java.util.List;
import java.util.Map;
import org.sarcomacds.rules.Finding;
import org.sarcomacds.rules.Text;

/**
 * What a finding says in words, read through the real card files of {@code hooks/cards/}: lets a rule's test check
 * the sentence a clinician will read, while the rule itself holds only keys and values.
 */
public final class Rendered {

    private static final CardTemplates TEMPLATES = new CardTemplates();

    private Rendered() {}

    /** One placeholder value of the finding, as Markdown; "" when the rule filled it with nothing. */
    public static String fill(Finding finding, String name) {
        Object value = finding.fills().get(name);
        return value == null ? null : words(finding.ruleId(), value);
    }

    public static List<String> notes(Finding finding) {
        return finding.notes().stream().map(n -> words(finding.ruleId(), n)).toList();
    }

    public static List<String> topLines(Finding finding) {
        return finding.topLines().stream()
                .map(line -> words(org.sarcomacds.rules.Consult.ID, line))
                .toList();
    }

    /** The summary of the finding's card: its variant, or the card text's own. */
    public static String summary(Finding finding) {
        Map<String, String> variants = TEMPLATES.forRule(finding.ruleId()).variants();
        return finding.summary() == null
                ? TEMPLATES.forRule(finding.ruleId()).summary()
                : TEMPLATES.words().render(finding.summary(), variants, false);
    }

    public static String words(String ruleId, Object value) {
        return TEMPLATES.words().render(value, TEMPLATES.forRule(ruleId).variants(), true);
    }

    public static String words(String ruleId, Text text) {
        return words(ruleId, (Object) text);
    }
}
