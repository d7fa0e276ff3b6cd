package org.sarcomacds.record;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills the {@code {{token}}} placeholders of a prefetch template, as the CDS Hooks specification defines them. */
public final class PrefetchTemplates {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    private PrefetchTemplates() {}

    /** The query with every token replaced, or empty when a token has no value in this call. */
    public static Optional<String> render(String template, Map<String, String> tokens) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = tokens.get(matcher.group(1));
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }
}
