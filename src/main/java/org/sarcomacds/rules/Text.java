package org.sarcomacds.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Words a card shows, by key: a variant of the rule's card text ({@code hooks/cards/<rule id>.json}) or a shared
 * phrase ({@code hooks/cards/_phrases.json}). The rule chooses the key and passes the values; the card file holds the
 * words, with {@code {{placeholders}}} for the values. Java never holds the sentence.
 *
 * @param key    a {@link Variant} of the rule or a {@link Phrase}
 * @param values placeholder name to value: a {@code String} (record data, a number or a date, shown as it is with
 *               Markdown escaped), another {@code Text}, a {@code List} of them (one line each) or an {@link Inline}
 *               list (on one line, comma-separated)
 */
public record Text(String key, Map<String, Object> values) {

    /** Values shown on one line, separated by commas: e.g. the names of missing results. */
    public record Inline(List<Object> items) {

        public Inline {
            items = items.stream().map(item -> checked("inline", "item", item)).toList();
        }
    }

    public Text {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name, checked(key, name, value)));
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * The words under {@code key} with their values, given as names and values alternating (e.g.
     * {@code ("times", "4.2", "limit", "3")}); every declared placeholder needs exactly one value.
     */
    static Text of(String key, List<String> placeholders, Object... namesAndValues) {
        Text text = new Text(key, pairs(namesAndValues));
        if (!new TreeSet<>(text.values().keySet()).equals(new TreeSet<>(placeholders))) {
            throw new IllegalArgumentException(key + " takes the values " + placeholders + ", not "
                    + text.values().keySet());
        }
        return text;
    }

    /**
     * A variant by its key, as tests and tools build one; rules use their declared {@link Variant}s, which check the
     * values.
     */
    public static Text ofVariant(String key, Map<String, ?> values) {
        return new Text(key, new LinkedHashMap<>(values));
    }

    private static Map<String, Object> pairs(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("values come in name-value pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    private static Object checked(String key, String name, Object value) {
        if (value instanceof String || value instanceof Text || value instanceof Inline) {
            return value;
        }
        if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String || v instanceof Text)) {
            return List.copyOf(list);
        }
        throw new IllegalArgumentException(
                "value '" + name + "' of " + key + " must be a String, a Text or a list of them, not " + value);
    }
}
