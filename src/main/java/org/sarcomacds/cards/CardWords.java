package org.sarcomacds.cards;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sarcomacds.rules.Phrase;
import org.sarcomacds.rules.Text;
import org.sarcomacds.text.Markdown;

/**
 * Turns what a rule passes ({@link Text}: a variant or phrase key and its values) into the words of the card files:
 * the variants of the rule's card text and the shared phrases of {@code hooks/cards/_phrases.json}. Record data is
 * escaped in Markdown; summaries and drafted orders are plain text.
 */
final class CardWords {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9]+)}}");

    private final Map<String, String> phrases;

    CardWords(Map<String, String> phrases) {
        this.phrases = Map.copyOf(phrases);
    }

    /** The placeholders a text uses, e.g. {@code [times, limit]}. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** A text of a card file with its placeholders filled from the rule's values. */
    String fill(String template, Map<String, ?> values, Map<String, String> variants, boolean markdown) {
        if (template == null) {
            return null;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        "Card text uses {{" + m.group(1) + "}}, which its rule did not fill: " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(render(value, variants, markdown)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A phrase filled with values already rendered (Markdown the caller built). */
    String phrase(Phrase phrase, Map<String, String> rendered) {
        Matcher m = PLACEHOLDER.matcher(words(phrase.key(), Map.of()));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(rendered.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    String render(Object value, Map<String, String> variants, boolean markdown) {
        return switch (value) {
            case String s -> markdown ? Markdown.escape(s) : s;
            case Text text -> fill(words(text.key(), variants), text.values(), variants, markdown);
            case Text.Inline inline ->
                inline.items().stream()
                        .map(item -> render(item, variants, markdown))
                        .collect(Collectors.joining(", "));
            case List<?> lines ->
                lines.stream().map(line -> render(line, variants, markdown)).collect(Collectors.joining("\n"));
            default ->
                throw new IllegalStateException(
                        "A card cannot show " + value.getClass().getSimpleName());
        };
    }

    /** The words under a key: the rule's variant, else a shared phrase. */
    private String words(String key, Map<String, String> variants) {
        String words = variants.containsKey(key) ? variants.get(key) : phrases.get(key);
        if (words == null) {
            throw new IllegalStateException("No card text for '" + key + "' in the rule's card file or _phrases.json");
        }
        return words;
    }
}
