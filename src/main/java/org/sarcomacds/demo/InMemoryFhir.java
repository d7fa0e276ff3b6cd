package org.sarcomacds.demo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny read-only FHIR R4 server over a fixed set of resources: reads, and exactly the searches our prefetch
 * templates use (patient, code and status tokens, {@code _include} of medications, {@code _sort=-date}, {@code _count} with
 * next-page links). The demo's {@code /fhir} endpoint serves the fixture patients with it; tests use it to fill
 * prefetch and to program the test EHR, so every path sees the same data. A search parameter it does not implement
 * is refused rather than ignored, so nobody mistakes an unfiltered answer for a filtered one.
 */
public final class InMemoryFhir {

    /** Parameters every search takes: paging ({@code _offset} is how our next links page) and the format. */
    private static final Set<String> PAGING = Set.of("_count", "_offset", "_format");

    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            "Patient", Set.of(),
            "Medication", Set.of(),
            "Condition", Set.of("patient", "code"),
            "Observation", Set.of("patient", "code", "status", "_sort"),
            "MedicationStatement", Set.of("patient", "_include"),
            "MedicationRequest", Set.of("patient", "_include"));
    /** Any other resource type the data holds can be searched by patient. */
    private static final Set<String> OTHER_TYPE_PARAMETERS = Set.of("patient");

    static final int MAX_COUNT = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> resources = new ArrayList<>();
    private final Map<String, JsonNode> byReference = new LinkedHashMap<>();

    /** A server over the resources of one Bundle (a fixture's {@code record.json}). */
    public InMemoryFhir(JsonNode bundle) {
        this(resourcesOf(bundle));
    }

    /** A server over these resources; the same type and id twice with different content is an error. */
    public InMemoryFhir(List<JsonNode> resources) {
        for (JsonNode resource : resources) {
            String reference = type(resource) + "/" + resource.path("id").asString("");
            JsonNode earlier = byReference.putIfAbsent(reference, resource);
            if (earlier == null) {
                this.resources.add(resource);
            } else if (!earlier.equals(resource)) {
                throw new IllegalArgumentException("Two different resources " + reference);
            }
        }
    }

    public static List<JsonNode> resourcesOf(JsonNode bundle) {
        List<JsonNode> found = new ArrayList<>();
        bundle.path("entry").forEach(e -> found.add(e.path("resource")));
        return found;
    }

    /** The answer to a relative query ({@code Patient/1} or {@code Condition?patient=1}), or empty for a 404. */
    public Optional<JsonNode> answer(String query, String baseUrl) {
        int q = query.indexOf('?');
        if (q < 0 && query.contains("/")) {
            String[] parts = query.split("/", 2);
            return read(parts[0], parts[1]);
        }
        String type = q < 0 ? query : query.substring(0, q);
        return Optional.of(search(type, q < 0 ? Map.of() : params(query.substring(q + 1)), baseUrl));
    }

    public Optional<JsonNode> read(String type, String id) {
        return Optional.ofNullable(byReference.get(type + "/" + id));
    }

    /** The resource types present, in name order. */
    public Set<String> types() {
        Set<String> types = new TreeSet<>();
        resources.forEach(r -> types.add(type(r)));
        return types;
    }

    /** The search parameters (besides paging) a type supports here. */
    public static Set<String> searchParameters(String type) {
        return PARAMETERS.getOrDefault(type, OTHER_TYPE_PARAMETERS);
    }

    /**
     * A searchset Bundle. Throws {@link UnsupportedSearchException} for a parameter or value this server does not
     * implement; a type it holds no resource of is an empty Bundle, as on any FHIR server that knows the type.
     */
    public JsonNode search(String type, Map<String, String> params, String baseUrl) {
        check(type, params);
        List<JsonNode> matches = new ArrayList<>(resources.stream()
                .filter(r -> type(r).equals(type))
                .filter(r -> !params.containsKey("patient")
                        || patientReference(params.get("patient")).equals(subject(r)))
                .filter(r -> !params.containsKey("code")
                        || hasCode(r, params.get("code").split(",")))
                .filter(r -> !params.containsKey("status")
                        || List.of(params.get("status").split(","))
                                .contains(r.path("status").asString("")))
                .toList());
        if (params.containsKey("_sort")) {
            matches.sort(Comparator.comparing(InMemoryFhir::effectiveDate).reversed());
        }
        int offset = number(params, "_offset", 0, Integer.MAX_VALUE);
        int count = number(params, "_count", MAX_COUNT, MAX_COUNT);
        List<JsonNode> page =
                matches.subList(Math.min(offset, matches.size()), Math.min(offset + count, matches.size()));

        ObjectNode bundle = JSON.createObjectNode()
                .put("resourceType", "Bundle")
                .put("type", "searchset")
                .put("total", matches.size());
        ArrayNode links = bundle.putArray("link");
        if (count > 0 && offset + count < matches.size()) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("_offset", String.valueOf(offset + count));
            links.addObject().put("relation", "next").put("url", baseUrl + "/" + type + "?" + query(next));
        }
        ArrayNode entries = bundle.putArray("entry");
        page.forEach(r -> entries.addObject().set("resource", r));
        if (params.containsKey("_include")) {
            included(page)
                    .forEach(m -> entries.addObject()
                            .<ObjectNode>set("resource", m)
                            .putObject("search")
                            .put("mode", "include"));
        }
        if (links.isEmpty()) {
            bundle.remove("link");
        }
        if (entries.isEmpty()) {
            bundle.remove("entry");
        }
        return bundle;
    }

    private static void check(String type, Map<String, String> params) {
        Set<String> supported = searchParameters(type);
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = param.getKey();
            String value = param.getValue();
            if (!supported.contains(name) && !PAGING.contains(name)) {
                throw new UnsupportedSearchException("Search parameter '" + name + "' is not supported on " + type
                        + "; supported: " + String.join(", ", new TreeSet<>(supported))
                        + (supported.isEmpty() ? "" : ", ")
                        + "_count");
            }
            if (name.equals("_include") && !value.equals(type + ":medication")) {
                throw new UnsupportedSearchException("Only _include=" + type + ":medication is supported");
            }
            if (name.equals("_sort") && !value.equals("-date")) {
                throw new UnsupportedSearchException("Only _sort=-date is supported");
            }
            if (name.equals("_format") && !value.contains("json")) {
                throw new UnsupportedSearchException("This server answers JSON only");
            }
            if (value.isEmpty() && !name.equals("_format")) {
                throw new UnsupportedSearchException("Search parameter '" + name + "' needs a value");
            }
        }
    }

    private static int number(Map<String, String> params, String name, int absent, int max) {
        String value = params.get(name);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return Math.min(number, max);
        } catch (NumberFormatException e) {
            throw new UnsupportedSearchException(name + " must be a whole number, 0 or more");
        }
    }

    private List<JsonNode> included(List<JsonNode> page) {
        List<JsonNode> medications = new ArrayList<>();
        for (JsonNode resource : page) {
            String ref = resource.path("medicationReference").path("reference").asString("");
            if (ref.startsWith("Medication/")) {
                read("Medication", ref.substring("Medication/".length()))
                        .filter(m -> !medications.contains(m))
                        .ifPresent(medications::add);
            }
        }
        return medications;
    }

    /** What FHIR's {@code date} search parameter of an Observation means: its effective time, instant or start. */
    private static String effectiveDate(JsonNode resource) {
        for (String field : List.of("effectiveDateTime", "effectiveInstant")) {
            if (resource.hasNonNull(field)) {
                return resource.path(field).asString("");
            }
        }
        return resource.path("effectivePeriod").path("start").asString("");
    }

    private static boolean hasCode(JsonNode resource, String[] tokens) {
        for (JsonNode coding : resource.path("code").path("coding")) {
            String system = coding.path("system").asString("");
            String code = coding.path("code").asString("");
            if (Arrays.stream(tokens).anyMatch(t -> t.equals(system + "|" + code) || t.equals(code))) {
                return true;
            }
        }
        return false;
    }

    private static String patientReference(String value) {
        return value.startsWith("Patient/") ? value : "Patient/" + value;
    }

    private static String subject(JsonNode resource) {
        JsonNode subject = resource.has("subject") ? resource.path("subject") : resource.path("patient");
        return subject.path("reference").asString("");
    }

    private static String type(JsonNode resource) {
        return resource.path("resourceType").asString("");
    }

    /** The parameters of a query string, decoded; a parameter given twice is refused. */
    public static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            if (!seen.add(name)) {
                throw new UnsupportedSearchException(
                        "Search parameter '" + name + "' is given twice; send one, with values separated by commas");
            }
            params.put(name, kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** A search this server does not implement: answered 400 with the reason. */
    public static final class UnsupportedSearchException extends RuntimeException {

        UnsupportedSearchException(String message) {
            super(message, null, false, false);
        }
    }
}
