package org.sarcomacds.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny FHIR server over one fixture record: answers exactly the reads and searches our prefetch templates use
 * (patient, code tokens, _include of medications, _sort=-date, _count with next-page links). Tests use it to fill
 * prefetch and to program the WireMock EHR, so both paths see the same data.
 */
public final class FixtureFhir {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> resources = new ArrayList<>();

    public FixtureFhir(JsonNode recordBundle) {
        recordBundle.path("entry").forEach(e -> resources.add(e.path("resource")));
    }

    /** The answer to a relative query ({@code Patient/1} or {@code Condition?patient=1}), or empty for a 404. */
    public Optional<JsonNode> answer(String query, String baseUrl) {
        int q = query.indexOf('?');
        if (q < 0) {
            String[] parts = query.split("/");
            return resources.stream()
                    .filter(r -> r.path("resourceType").asString("").equals(parts[0]) && r.path("id").asString("").equals(parts[1]))
                    .findFirst();
        }
        return Optional.of(search(query.substring(0, q), params(query.substring(q + 1)), baseUrl));
    }

    private JsonNode search(String type, Map<String, String> params, String baseUrl) {
        List<JsonNode> matches = new ArrayList<>(resources.stream()
                .filter(r -> r.path("resourceType").asString("").equals(type))
                .filter(r -> !params.containsKey("patient") || ("Patient/" + params.get("patient")).equals(subject(r)))
                .filter(r -> !params.containsKey("code") || hasCode(r, params.get("code").split(",")))
                .toList());
        if ("-date".equals(params.get("_sort"))) {
            matches.sort(Comparator.comparing((JsonNode r) -> r.path("effectiveDateTime").asString("")).reversed());
        }
        int offset = Integer.parseInt(params.getOrDefault("_offset", "0"));
        int count = Integer.parseInt(params.getOrDefault("_count", "1000"));
        List<JsonNode> page = matches.subList(Math.min(offset, matches.size()), Math.min(offset + count, matches.size()));

        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset").put("total", matches.size());
        ArrayNode links = bundle.putArray("link");
        if (offset + count < matches.size()) {
            Map<String, String> next = new LinkedHashMap<>(params);
            next.put("_offset", String.valueOf(offset + count));
            links.addObject().put("relation", "next").put("url", baseUrl + "/" + type + "?" + query(next));
        }
        ArrayNode entries = bundle.putArray("entry");
        page.forEach(r -> entries.addObject().set("resource", r));
        if (params.containsKey("_include")) {
            included(page).forEach(m -> entries.addObject().<ObjectNode>set("resource", m).putObject("search").put("mode", "include"));
        }
        if (links.isEmpty()) {
            bundle.remove("link");
        }
        return bundle;
    }

    private List<JsonNode> included(List<JsonNode> page) {
        List<JsonNode> medications = new ArrayList<>();
        for (JsonNode resource : page) {
            String ref = resource.path("medicationReference").path("reference").asString("");
            if (ref.startsWith("Medication/")) {
                answer(ref, "").filter(m -> !medications.contains(m)).ifPresent(medications::add);
            }
        }
        return medications;
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

    private static String subject(JsonNode resource) {
        JsonNode subject = resource.has("subject") ? resource.path("subject") : resource.path("patient");
        return subject.path("reference").asString("");
    }

    public static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
