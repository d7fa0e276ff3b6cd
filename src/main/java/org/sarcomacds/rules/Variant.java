package org.sarcomacds.rules;

import java.util.List;

/**
 * One way a rule's card can say something, declared in the rule's {@link RuleSpec}: its key in the card file's
 * {@code variants} and the placeholders the rule fills. Start-up checks that the card file has words for every
 * declared variant and that they use no other placeholder.
 */
public record Variant(String key, List<String> placeholders) {

    public Variant {
        placeholders = List.copyOf(placeholders);
    }

    public static Variant of(String key, String... placeholders) {
        return new Variant(key, List.of(placeholders));
    }

    /** The variant with its values, e.g. {@code with("times", "4.2")}; every placeholder needs exactly one value. */
    public Text with(Object... namesAndValues) {
        return Text.of(key, placeholders, namesAndValues);
    }
}
