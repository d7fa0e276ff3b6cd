package org.sarcomacds.record;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills the {@code {{token}}} placeholders of a prefetch template, as the CDS Hooks specification defines them. */
public final class PrefetchTemplates {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    /** A FHIR id or a relative reference ({@code Practitioner/abc}): nothing in it can change the query. */
    private static final Pattern ID_OR_REFERENCE = Pattern.compile("([A-Z][A-Za-z]+/)?[A-Za-z0-9\\-.]{1,64}");

    /** A sorted search with a page size asks for the first N results only, e.g. the latest result of a lab test. */
    private static final Pattern LATEST_N = Pattern.compile("[?&]_sort=[^&]+(&.*)?$");

    private static final Pattern COUNT = Pattern.compile("[?&]_count=\\d+(&|$)");
    /** By template: the templates are the services' own, a handful, asked about on every call. */
    private static final Map<String, Boolean> FIRST_PAGE_ONLY = new ConcurrentHashMap<>();

    private PrefetchTemplates() {}

    /**
     * True for a template such as {@code Observation?code=…&_sort=-date&_count=1}: its first page is the whole answer,
     * so its {@code next} link is not followed (following it would read the patient's entire history one page at a
     * time).
     */
    public static boolean firstPageOnly(String template) {
        return FIRST_PAGE_ONLY.computeIfAbsent(
                template, t -> LATEST_N.matcher(t).find() && COUNT.matcher(t).find());
    }

    /** The query with every token replaced, or empty when a token has no value in this call. */
    public static Optional<String> render(String template, Map<String, String> tokens) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = tokens.get(matcher.group(1));
            if (value == null || value.isEmpty()) {
                return Optional.empty();
            }
            String safe =
                    ID_OR_REFERENCE.matcher(value).matches() ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
            matcher.appendReplacement(out, Matcher.quoteReplacement(safe));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }
}
