package org.sarcomacds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sarcomacds.record.PrefetchTemplates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hook call bodies for a {@link Chart}: the context of the hook, and a prefetch filled from the service's own
 * templates in {@code hooks/services/} (read from the classpath, so the benchmark follows whatever templates the
 * build has).
 */
final class HookRequests {

    static final String PRACTITIONER = "Practitioner/pract-onc-1002";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HookRequests() {}

    /** The service's prefetch templates, by key. */
    static Map<String, String> templates(String serviceId) {
        try (InputStream in = HookRequests.class.getResourceAsStream("/hooks/services/" + serviceId + ".json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "no service definition hooks/services/" + serviceId + ".json on the classpath");
            }
            Map<String, String> templates = new LinkedHashMap<>();
            JSON.readTree(in)
                    .path("prefetch")
                    .properties()
                    .forEach(e -> templates.put(e.getKey(), e.getValue().asString()));
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient-view call with every template prefetched. */
    static ObjectNode patientView(Chart chart, boolean withPrefetch) {
        ObjectNode body = base("patient-view", chart);
        if (withPrefetch) {
            body.set("prefetch", prefetch("lms-patient-view", chart));
        }
        return body;
    }

    /** An order-select call: a draft gemcitabine order selected while pazopanib is active. */
    static ObjectNode orderSelect(Chart chart) {
        ObjectNode body = base("order-select", chart);
        ObjectNode context = (ObjectNode) body.get("context");
        ObjectNode drafts =
                context.putObject("draftOrders").put("resourceType", "Bundle").put("type", "collection");
        ObjectNode draft = drafts.putArray("entry")
                .addObject()
                .putObject("resource")
                .put("resourceType", "MedicationRequest")
                .put("id", "draft-gemcitabine")
                .put("status", "draft")
                .put("intent", "proposal");
        ObjectNode med = draft.putObject("medicationCodeableConcept");
        med.putArray("coding")
                .addObject()
                .put("system", Chart.RXNORM)
                .put("code", "12574")
                .put("display", "gemcitabine");
        med.put("text", "gemcitabine 1,000 mg/m2 IV days 1 and 8");
        draft.putObject("subject").put("reference", "Patient/" + chart.patientId);
        context.putArray("selections").add("MedicationRequest/draft-gemcitabine");
        body.set("prefetch", prefetch("lms-order-select", chart));
        return body;
    }

    private static ObjectNode base(String hook, Chart chart) {
        ObjectNode body = JSON.createObjectNode()
                .put("hook", hook)
                .put("hookInstance", UUID.randomUUID().toString());
        body.putObject("context").put("userId", PRACTITIONER).put("patientId", chart.patientId);
        return body;
    }

    static ObjectNode prefetch(String serviceId, Chart chart) {
        Map<String, String> tokens = Map.of(
                "context.patientId",
                chart.patientId,
                "context.userId",
                PRACTITIONER,
                "userPractitionerId",
                "pract-onc-1002");
        FhirSearch ehr = new FhirSearch(chart);
        ObjectNode prefetch = JSON.createObjectNode();
        templates(serviceId).forEach((key, template) -> {
            String query = PrefetchTemplates.render(template, tokens).orElseThrow();
            JsonNode answer = ehr.answer(query);
            prefetch.set(key, answer == null ? JSON.nullNode() : answer);
        });
        if (!ehr.ignoredParameters.isEmpty()) {
            System.out.println("note: the benchmark's EHR did not apply search parameters " + ehr.ignoredParameters
                    + " of " + serviceId + " (its prefetch is a superset)");
        }
        return prefetch;
    }

    static byte[] bytes(JsonNode body) {
        return JSON.writeValueAsBytes(body);
    }
}
