package org.sarcomacds.bench;

import ca.uhn.fhir.context.FhirContext;
import java.util.Map;
import java.util.UUID;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.record.PrefetchDefinition;
import org.sarcomacds.record.PrefetchTemplates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hook call bodies for a {@link Chart}: the context of the hook, and a prefetch filled from the service's own
 * templates ({@code hooks/prefetch.json} and the observation value sets, read from the classpath, so the benchmark follows whatever templates the
 * build has). Test code shared by the benchmark ({@code src/bench}, {@code -P bench}) and the allocation guard.
 */
public final class HookRequests {

    static final String PRACTITIONER = "Practitioner/pract-onc-1002";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PrefetchDefinition PREFETCH = new PrefetchDefinition(
            FhirContext.forR4Cached(), KnowledgeFiles.jsonFile("prefetch.json"), KnowledgeFiles.jsonFiles("valuesets"));

    private HookRequests() {}

    /**
     * The service's prefetch templates, by key: every service asks for the same prefetch, built at start-up from
     * {@code hooks/prefetch.json} and the observation value sets ({@link PrefetchDefinition}).
     */
    static Map<String, String> templates(String serviceId) {
        return PREFETCH.templates();
    }

    /** The benchmark's realistic patient-view call (docs/performance.md), as bytes. */
    public static byte[] realisticPatientView() {
        return bytes(patientView(Chart.realistic(), true));
    }

    /** A patient-view call with every template prefetched. */
    static ObjectNode patientView(Chart chart, boolean withPrefetch) {
        ObjectNode body = base("patient-view", chart);
        if (withPrefetch) {
            body.set("prefetch", prefetch("lms-patient-view", chart));
        }
        return body;
    }

    /** A patient-view call with every template prefetched from an EHR that ignores {@code _sort} and {@code _count}. */
    static ObjectNode patientViewIgnoringCount(Chart chart) {
        ObjectNode body = base("patient-view", chart);
        body.set("prefetch", prefetch("lms-patient-view", chart, true));
        return body;
    }

    /** An order-select call: a draft gemcitabine order selected while pazopanib is active. */
    static ObjectNode orderSelect(Chart chart) {
        return orderSelect(chart, 1);
    }

    /**
     * An order-select call with {@code drafts} draft orders (at most 5) of a gemcitabine–docetaxel cycle: gemcitabine
     * (selected, while pazopanib is active), then docetaxel, pegfilgrastim, ondansetron and dexamethasone. Only
     * gemcitabine carries the RxNorm code the fixtures use; the others carry the example local codes and text.
     */
    static ObjectNode orderSelect(Chart chart, int drafts) {
        ObjectNode body = base("order-select", chart);
        ObjectNode context = (ObjectNode) body.get("context");
        ArrayNode entries = context.putObject("draftOrders")
                .put("resourceType", "Bundle")
                .put("type", "collection")
                .putArray("entry");
        for (int i = 0; i < drafts; i++) {
            String[] order = DRAFTS[i];
            ObjectNode draft = entries.addObject()
                    .putObject("resource")
                    .put("resourceType", "MedicationRequest")
                    .put("id", "draft-" + order[0])
                    .put("status", "draft")
                    .put("intent", "proposal");
            ObjectNode med = draft.putObject("medicationCodeableConcept");
            med.putArray("coding")
                    .addObject()
                    .put("system", i == 0 ? Chart.RXNORM : Chart.EXAMPLE_LOCAL_MED)
                    .put("code", order[1])
                    .put("display", order[0]);
            med.put("text", order[2]);
            draft.putObject("subject").put("reference", "Patient/" + chart.patientId);
            draft.putArray("dosageInstruction").addObject().put("text", order[2]);
        }
        context.putArray("selections").add("MedicationRequest/draft-gemcitabine");
        body.set("prefetch", prefetch("lms-order-select", chart));
        return body;
    }

    /** {name, code, text} of the draft orders; codes after the first are made up (example local system). */
    private static final String[][] DRAFTS = {
        {"gemcitabine", "12574", "gemcitabine 1,000 mg/m2 IV days 1 and 8"},
        {"docetaxel", "1482291", "docetaxel 75 mg/m2 IV day 8"},
        {"pegfilgrastim", "1731047", "pegfilgrastim 6 mg SC day 9"},
        {"ondansetron", "1305713", "ondansetron 8 mg PO before chemotherapy, then every 8 hours as needed"},
        {"dexamethasone", "1623391", "dexamethasone 8 mg PO twice daily for 3 days starting the day before docetaxel"}
    };

    private static ObjectNode base(String hook, Chart chart) {
        ObjectNode body = JSON.createObjectNode()
                .put("hook", hook)
                .put("hookInstance", UUID.randomUUID().toString());
        body.putObject("context").put("userId", PRACTITIONER).put("patientId", chart.patientId);
        return body;
    }

    static ObjectNode prefetch(String serviceId, Chart chart) {
        return prefetch(serviceId, chart, false);
    }

    static ObjectNode prefetch(String serviceId, Chart chart, boolean ehrIgnoresSortAndCount) {
        Map<String, String> tokens = Map.of(
                "context.patientId",
                chart.patientId,
                "context.userId",
                PRACTITIONER,
                "userPractitionerId",
                "pract-onc-1002");
        FhirSearch ehr = new FhirSearch(chart, ehrIgnoresSortAndCount);
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
