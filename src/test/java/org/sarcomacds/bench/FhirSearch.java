package org.sarcomacds.bench;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers a rendered prefetch query ({@code Patient/x} or {@code Type?params}) from a {@link Chart}, the way an EHR
 * would: the prefetch of the benchmark and the FHIR stub of the fetch path both come from here, so whatever the
 * service's templates ask for — and only that — is what it gets. Supports {@code patient}, {@code subject},
 * {@code code}, {@code category}, {@code status}, {@code _sort=-date}, {@code _count} and
 * {@code _include=X:medication}; any other parameter is not applied (a superset is returned) and is reported. An EHR
 * that ignores {@code _sort} and {@code _count} (as some do on Observation searches) answers every match, oldest
 * first.
 */
final class FhirSearch {

    static final String BASE = "http://ehr.example.org/fhir";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Chart chart;
    private final boolean ignoresSortAndCount;
    final Set<String> ignoredParameters = new TreeSet<>();

    FhirSearch(Chart chart) {
        this(chart, false);
    }

    FhirSearch(Chart chart, boolean ignoresSortAndCount) {
        this.chart = chart;
        this.ignoresSortAndCount = ignoresSortAndCount;
    }

    /** A read answers the resource (or null if absent); a search answers a searchset Bundle. */
    ObjectNode answer(String query) {
        int q = query.indexOf('?');
        String path = q < 0 ? query : query.substring(0, q);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.contains("/")) {
            String[] parts = path.split("/", 2);
            return chart.resources.stream()
                    .filter(r -> r.path("resourceType").asString().equals(parts[0])
                            && r.path("id").asString().equals(parts[1]))
                    .findFirst()
                    .orElse(null);
        }
        return search(path, q < 0 ? Map.of() : params(query.substring(q + 1)), query);
    }

    private ObjectNode search(String type, Map<String, String> params, String query) {
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode r : chart.resources) {
            if (r.path("resourceType").asString().equals(type) && matches(r, params)) {
                matches.add(r);
            }
        }
        if (ignoresSortAndCount) {
            matches.sort(Comparator.comparing(FhirSearch::date));
        } else if ("-date".equals(params.get("_sort"))) {
            matches.sort(Comparator.comparing(FhirSearch::date).reversed());
        }
        int total = matches.size();
        if (params.containsKey("_count") && !ignoresSortAndCount) {
            matches = matches.subList(0, Math.min(matches.size(), Integer.parseInt(params.get("_count"))));
        }
        Set<String> included = new LinkedHashSet<>();
        String include = params.get("_include");
        if (include != null && include.endsWith(":medication")) {
            for (ObjectNode r : matches) {
                String ref = r.path("medicationReference").path("reference").asString("");
                if (!ref.isEmpty()) {
                    included.add(ref);
                }
            }
        }
        ObjectNode bundle = JSON.createObjectNode()
                .put("resourceType", "Bundle")
                .put("type", "searchset")
                .put("total", total);
        bundle.putArray("link").addObject().put("relation", "self").put("url", BASE + "/" + query);
        var entries = bundle.putArray("entry");
        for (ObjectNode r : matches) {
            entry(entries.addObject(), r, "match");
        }
        for (String ref : included) {
            ObjectNode medication = answer(ref);
            if (medication != null) {
                entry(entries.addObject(), medication, "include");
            }
        }
        return bundle;
    }

    private static void entry(ObjectNode entry, ObjectNode resource, String mode) {
        entry.put(
                "fullUrl",
                BASE + "/" + resource.path("resourceType").asString() + "/"
                        + resource.path("id").asString());
        entry.set("resource", resource);
        entry.putObject("search").put("mode", mode);
    }

    private boolean matches(ObjectNode r, Map<String, String> params) {
        for (Map.Entry<String, String> p : params.entrySet()) {
            switch (p.getKey()) {
                case "patient", "subject" -> {
                    String ref = r.path("resourceType").asString().equals("Patient")
                            ? "Patient/" + r.path("id").asString()
                            : r.path("subject").path("reference").asString("");
                    String want = p.getValue().contains("/") ? p.getValue() : "Patient/" + p.getValue();
                    if (!ref.equals(want)) {
                        return false;
                    }
                }
                case "code" -> {
                    if (!tokenMatch(r.path("code"), p.getValue())) {
                        return false;
                    }
                }
                case "category" -> {
                    boolean any = false;
                    for (JsonNode c : r.path("category")) {
                        any |= tokenMatch(c, p.getValue());
                    }
                    if (!any) {
                        return false;
                    }
                }
                case "status" -> {
                    if (!List.of(p.getValue().split(","))
                            .contains(r.path("status").asString(""))) {
                        return false;
                    }
                }
                case "_sort", "_count", "_include" -> {}
                default -> ignoredParameters.add(p.getKey());
            }
        }
        return true;
    }

    private static boolean tokenMatch(JsonNode concept, String tokens) {
        for (String token : tokens.split(",")) {
            int bar = token.indexOf('|');
            String system = bar < 0 ? null : token.substring(0, bar);
            String code = bar < 0 ? token : token.substring(bar + 1);
            for (JsonNode coding : concept.path("coding")) {
                if (coding.path("code").asString("").equals(code)
                        && (system == null
                                || system.isEmpty()
                                || coding.path("system").asString("").equals(system))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String date(ObjectNode r) {
        for (String field : List.of("effectiveDateTime", "authoredOn", "onsetDateTime", "recordedDate")) {
            if (r.has(field)) {
                return r.get(field).asString();
            }
        }
        return r.path("effectivePeriod").path("start").asString("");
    }

    static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.merge(key, value, (a, b) -> a + "," + b);
        }
        return params;
    }
}
