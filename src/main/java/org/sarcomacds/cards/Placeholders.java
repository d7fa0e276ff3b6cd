package org.sarcomacds.cards;

import java.util.Map;

/** Fills the {@code {{name}}} placeholders of card text with a rule's values. */
final class Placeholders {

    private Placeholders() {}

    static String fill(String text, Map<String, String> fills) {
        if (text == null) {
            return null;
        }
        String filled = text;
        for (Map.Entry<String, String> fill : fills.entrySet()) {
            filled = filled.replace("{{" + fill.getKey() + "}}", fill.getValue());
        }
        if (filled.contains("{{")) {
            throw new IllegalStateException("Card text has a placeholder its rule did not fill: " + filled);
        }
        return filled;
    }
}
