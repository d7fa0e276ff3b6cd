package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's view of a running service with the default configuration: the cds metrics on
 * /actuator/prometheus growing with this test's own calls (the context is shared with other tests), health probes without details, nothing else of Actuator on the network,
 * the admin endpoint absent while no token is set, and the OpenAPI description.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void prometheusCarriesTheCdsMetricsAfterHookCalls() {
        HookClient client = new HookClient(port);
        String before = client.get("/actuator/prometheus").body();
        HookClient.Reply hook = client.post(
                "/cds-services/lms-patient-view", Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json")));
        assertThat(hook.status()).isEqualTo(200);
        ObjectNode feedback = JSON.createObjectNode();
        feedback.putArray("feedback")
                .addObject()
                .put("card", RestartScenario.cardOf(hook.json(), "LMS-TRABECTEDIN-NEXT-LINE"))
                .put("outcome", "overridden")
                .put("outcomeTimestamp", "2026-11-27T10:00:00Z");
        assertThat(client.post("/cds-services/lms-patient-view/feedback", feedback)
                        .status())
                .isEqualTo(200);
        // No prefetch and a FHIR server that refuses connections: the fetch fails and the call is answered 412.
        ObjectNode unreachable = JSON.createObjectNode()
                .put("hook", "patient-view")
                .put("hookInstance", UUID.randomUUID().toString())
                .put("fhirServer", "http://127.0.0.1:1/fhir");
        unreachable.putObject("context").put("patientId", "p-1").put("userId", "Practitioner/u-1");
        assertThat(client.post("/cds-services/lms-patient-view", unreachable).status())
                .isEqualTo(412);

        HookClient.Reply metrics = client.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.body();
        assertIncreased(
                before,
                text,
                "cds_requests_seconds_count",
                "endpoint=\"hook\"",
                "service=\"lms-patient-view\"",
                "status=\"200\"");
        assertIncreased(before, text, "cds_requests_seconds_count", "service=\"lms-patient-view\"", "status=\"412\"");
        assertIncreased(before, text, "cds_requests_seconds_count", "endpoint=\"feedback\"", "status=\"200\"");
        assertIncreased(before, text, "cds_requests_seconds_bucket", "service=\"lms-patient-view\"");
        assertIncreased(before, text, "cds_cards_total", "indicator=\"info\"", "rule=\"LMS-NEXT-LINE-OPTIONS\"");
        assertIncreased(before, text, "cds_prefetch_total", "key=\"conditions\"", "source=\"supplied\"");
        assertIncreased(before, text, "cds_prefetch_total", "key=\"conditions\"", "source=\"fetched\"");
        assertIncreased(before, text, "cds_fhir_fetch_seconds_count", "key=\"conditions\"", "outcome=\"error\"");
        assertIncreased(before, text, "cds_feedback_total", "outcome=\"overridden\"", "stored=\"new\"");
        assertThat(text).as("no patient id in any label").doesNotContain("lms-uterine-on-pazopanib", "p-1\"");
    }

    @Test
    void anUnknownServiceIdDoesNotBecomeAMetricLabel() {
        HookClient client = new HookClient(port);
        String before = client.get("/actuator/prometheus").body();
        assertThat(client.post("/cds-services/made-up-" + UUID.randomUUID(), "{}")
                        .status())
                .isEqualTo(404);
        String text = client.get("/actuator/prometheus").body();
        assertIncreased(before, text, "cds_requests_seconds_count", "service=\"unknown\"", "status=\"404\"");
        assertThat(text).doesNotContain("made-up-");
    }

    @Test
    void livenessAndReadinessAreUpWithoutDetails() {
        HookClient client = new HookClient(port);
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health")) {
            HookClient.Reply reply = client.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.json().path("status").asString()).as(path).isEqualTo("UP");
            assertThat(reply.body()).as(path).doesNotContain("components", "details", "diskSpace", "db");
        }
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        HookClient client = new HookClient(port);
        for (String path : List.of(
                "/actuator/env",
                "/actuator/beans",
                "/actuator/configprops",
                "/actuator/metrics",
                "/actuator/heapdump",
                "/actuator/loggers",
                "/actuator/mappings",
                "/actuator/threaddump")) {
            assertThat(client.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(client.get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void theAdminEndpointDoesNotExistWhileNoTokenIsConfigured() {
        HookClient client = new HookClient(port);
        assertThat(client.get("/admin/feedback/summary").status()).isEqualTo(404);
        HookClient.Reply withSomeToken = client.get("/admin/feedback/summary", "Authorization", "Bearer anything");
        assertThat(withSomeToken.status()).isEqualTo(404);
        assertThat(withSomeToken.contentType()).startsWith("application/fhir+json");
    }

    @Test
    void theOpenApiDescriptionListsTheCdsHooksAndAdminEndpoints() {
        HookClient.Reply docs = new HookClient(port).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.path("/cds-services").has("get")).isTrue();
        assertThat(paths.path("/cds-services/{id}").has("post")).isTrue();
        assertThat(paths.path("/cds-services/{id}/feedback").has("post")).isTrue();
        assertThat(paths.path("/admin/feedback/summary").has("get")).isTrue();
        assertThat(paths.path("/cds-services/{id}").path("post").has("requestBody"))
                .isTrue();
        assertThat(docs.json().path("components").path("securitySchemes").has("adminToken"))
                .isTrue();
        assertThat(paths.has("/error"))
                .as("the container's error page is not API")
                .isFalse();
        HookClient.Reply yaml = new HookClient(port).get("/v3/api-docs.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("/admin/feedback/summary:");
    }

    /**
     * A sample of the metric whose labels include every one given grew by at least 1 between the two scrapes: the
     * calls of this test made it, whatever other tests of the shared context did before.
     */
    private static void assertIncreased(String before, String after, String metric, String... labels) {
        Map<String, Double> earlier = samples(before, metric, labels);
        boolean grew = samples(after, metric, labels).entrySet().stream()
                .anyMatch(sample -> sample.getValue() - earlier.getOrDefault(sample.getKey(), 0.0) >= 1);
        assertThat(grew)
                .as(metric + " with " + List.of(labels) + " grew; before:\n" + grep(before, metric) + "after:\n"
                        + grep(after, metric))
                .isTrue();
    }

    /** The samples of the metric whose labels include every one given: label set → value. */
    private static Map<String, Double> samples(String prometheus, String metric, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
        Map<String, Double> samples = new HashMap<>();
        sample.matcher(prometheus)
                .results()
                .filter(m -> List.of(m.group(1).split(",")).containsAll(List.of(labels)))
                .forEach(m -> samples.put(m.group(1), Double.parseDouble(m.group(2))));
        return samples;
    }

    private static String grep(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
    }
}
