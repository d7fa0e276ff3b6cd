package org.sarcomacds.regress;

import ca.uhn.fhir.context.FhirContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sarcomacds.record.PrefetchBinder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario's {@code record.json}: a FHIR R4 Bundle of any type — {@code collection} as our fixtures are, or
 * {@code transaction} as EHR and Synthea exports are, whose entries may have no id and refer to each other by
 * {@code urn:uuid:} full URLs. Those get the id a server would give them ({@code request.url} of a PUT, else the
 * uuid) and their references become {@code Type/id}. A resource that neither HAPI's R4 parser nor the service's
 * binder can read is left out and reported, so one bad entry does not stop the run.
 *
 * @param patientId  the id of the record's one Patient
 * @param resources  the readable resources
 * @param unreadable what was left out, and why
 */
record RecordBundle(String patientId, List<JsonNode> resources, List<String> unreadable) {

    static RecordBundle read(Path file, JsonNode bundle, FhirContext fhir) {
        if (!bundle.path("resourceType").asString("").equals("Bundle")) {
            throw new InvalidFixtureException(file + " must be a FHIR Bundle (collection or transaction), not "
                    + bundle.path("resourceType").asString("a JSON value without resourceType") + ".");
        }
        List<ObjectNode> candidates = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, String> byFullUrl = new HashMap<>();
        int index = 0;
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode resource = entry.path("resource");
            String where = "entry " + index++;
            if (!resource.isObject()) {
                unreadable.add(where + ": no resource" + method(entry));
                continue;
            }
            ObjectNode copy = (ObjectNode) resource.deepCopy();
            String type = copy.path("resourceType").asString("");
            if (!copy.hasNonNull("id")) {
                copy.put("id", assignedId(entry, type, index));
            }
            String fullUrl = entry.path("fullUrl").asString("");
            if (!fullUrl.isEmpty()) {
                byFullUrl.put(fullUrl, type + "/" + copy.path("id").asString());
            }
            candidates.add(copy);
        }
        List<JsonNode> resources = new ArrayList<>();
        for (ObjectNode resource : candidates) {
            rewriteReferences(resource, byFullUrl);
            String problem = problem(resource, fhir);
            if (problem == null) {
                resources.add(resource);
            } else {
                unreadable.add(label(resource) + ": " + problem);
            }
        }
        return new RecordBundle(patientId(file, resources), resources, unreadable);
    }

    private static String method(JsonNode entry) {
        String method = entry.path("request").path("method").asString("");
        return method.isEmpty()
                ? ""
                : " (request " + method + " "
                        + entry.path("request").path("url").asString("") + ")";
    }

    /** The id a server would give a transaction entry: the id of a PUT's URL, else the uuid of its full URL. */
    private static String assignedId(JsonNode entry, String type, int index) {
        String url = entry.path("request").path("url").asString("");
        if (url.startsWith(type + "/") && url.indexOf('?') < 0) {
            return url.substring(type.length() + 1);
        }
        String fullUrl = entry.path("fullUrl").asString("");
        if (fullUrl.startsWith("urn:uuid:")) {
            return fullUrl.substring("urn:uuid:".length());
        }
        return "entry-" + index;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> byFullUrl) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null && reference.isString() && byFullUrl.containsKey(reference.asString())) {
                object.put("reference", byFullUrl.get(reference.asString()));
            }
        }
        for (JsonNode child : node) {
            rewriteReferences(child, byFullUrl);
        }
    }

    /** Why the service could not read the resource, or null. */
    private static String problem(JsonNode resource, FhirContext fhir) {
        try {
            fhir.newJsonParser().parseResource(resource.toString());
            PrefetchBinder.bind(fhir, resource);
            return null;
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.lines().findFirst().orElse("").replaceFirst("^HAPI-\\d+: ", "");
        }
    }

    private static String label(JsonNode resource) {
        String type = resource.path("resourceType").asString("");
        return (type.isEmpty() ? "(no resourceType)" : type) + "/"
                + resource.path("id").asString("");
    }

    private static String patientId(Path file, List<JsonNode> resources) {
        List<String> patients = resources.stream()
                .filter(r -> r.path("resourceType").asString("").equals("Patient"))
                .map(r -> r.path("id").asString())
                .toList();
        if (patients.size() != 1) {
            throw new InvalidFixtureException(
                    file + " must hold exactly one readable Patient; it holds " + patients.size() + ".");
        }
        return patients.get(0);
    }
}
