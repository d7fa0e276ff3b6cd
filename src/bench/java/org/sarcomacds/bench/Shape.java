package org.sarcomacds.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kind of hook call the benchmark sends: a chart, how the EHR answered the prefetch templates, and the hook.
 * Every shape is generated deterministically (the same seed gives the same chart and the same body, but for the
 * random {@code hookInstance}).
 *
 * @param name        short name, used in tables and in {@code shapes=...}
 * @param description what it stands for
 * @param serviceId   the service called
 * @param chart       the patient's chart at the EHR
 * @param body        the request body
 * @param resources   FHIR resources in the request (prefetch and draft orders)
 */
record Shape(String name, String description, String serviceId, Chart chart, byte[] body, int resources) {

    static final String PATIENT_VIEW = "lms-patient-view";
    static final String ORDER_SELECT = "lms-order-select";

    /** Every shape, in report order; {@code only} (names) selects some, empty for all. */
    static List<Shape> all(Set<String> only) {
        List<Shape> shapes = new ArrayList<>();
        Chart realistic = Chart.realistic();
        add(
                shapes,
                only,
                "realistic",
                "the bench's chart since issue 5; the EHR answers the templates exactly (latest result per lab test)",
                PATIENT_VIEW,
                realistic,
                HookRequests.patientView(realistic, true));
        Chart small = Chart.small();
        add(
                shapes,
                only,
                "small",
                "a handful of resources, the same history",
                PATIENT_VIEW,
                small,
                HookRequests.patientView(small, true));
        add(
                shapes,
                only,
                "ignores-count",
                "the realistic chart from an EHR that ignores _sort and _count: every lab key brings the test's whole"
                        + " history",
                PATIENT_VIEW,
                realistic,
                HookRequests.patientViewIgnoringCount(realistic));
        Chart wide = Chart.wideMedications();
        add(
                shapes,
                only,
                "wide-meds",
                "62 distinct medications (40 supportive, 20 prescriptions with their own local codes and free text, every"
                        + " third by Medication reference) and 18 Conditions, mostly unrelated comorbidities",
                PATIENT_VIEW,
                wide,
                HookRequests.patientView(wide, true));
        Chart large = Chart.large();
        add(
                shapes,
                only,
                "large",
                "a long record: about 1,000 resources in the request",
                PATIENT_VIEW,
                large,
                HookRequests.patientView(large, true));
        add(
                shapes,
                only,
                "order-select-5",
                "order-select on the realistic chart with 5 draft orders (gemcitabine selected while pazopanib is active)",
                ORDER_SELECT,
                realistic,
                HookRequests.orderSelect(realistic, 5));
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("no shape named " + only);
        }
        return shapes;
    }

    private static void add(
            List<Shape> shapes,
            Set<String> only,
            String name,
            String description,
            String serviceId,
            Chart chart,
            ObjectNode body) {
        if (only.isEmpty() || only.contains(name)) {
            shapes.add(new Shape(name, description, serviceId, chart, HookRequests.bytes(body), resources(body)));
        }
    }

    /** Resources in the prefetch (a resource, or the entries of a Bundle) and in the draft orders. */
    private static int resources(ObjectNode body) {
        int count = 0;
        for (JsonNode value : body.path("prefetch")) {
            count += value.path("resourceType").asString("").equals("Bundle")
                    ? value.path("entry").size()
                    : value.isObject() ? 1 : 0;
        }
        return count + body.path("context").path("draftOrders").path("entry").size();
    }

    /** The path a hook call is posted to. */
    String path() {
        return "/cds-services/" + serviceId;
    }

    double kilobytes() {
        return body.length / 1024.0;
    }
}
