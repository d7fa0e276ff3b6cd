package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
 * /actuator/prometheus after real calls, health probes without details, nothing else of Actuator on the network,
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
        assertSample(
                text,
                "cds_requests_seconds_count",
                "endpoint=\"hook\"",
                "service=\"lms-patient-view\"",
                "status=\"200\"");
        assertSample(text, "cds_requests_seconds_count", "service=\"lms-patient-view\"", "status=\"412\"");
        assertSample(text, "cds_requests_seconds_count", "endpoint=\"feedback\"", "status=\"200\"");
        assertSample(text, "cds_requests_seconds_bucket", "service=\"lms-patient-view\"");
        assertSample(text, "cds_cards_total", "indicator=\"info\"", "rule=\"LMS-TRABECTEDIN-NEXT-LINE\"");
        assertSample(text, "cds_prefetch_total", "key=\"conditions\"", "source=\"supplied\"");
        assertSample(text, "cds_prefetch_total", "key=\"conditions\"", "source=\"fetched\"");
        assertSample(text, "cds_fhir_fetch_seconds_count", "key=\"conditions\"", "outcome=\"error\"");
        assertSample(text, "cds_feedback_total", "outcome=\"overridden\"", "stored=\"new\"");
        assertThat(text).as("no patient id in any label").doesNotContain("lms-uterine-on-pazopanib", "p-1\"");
    }

    @Test
    void anUnknownServiceIdDoesNotBecomeAMetricLabel() {
        HookClient client = new HookClient(port);
        assertThat(client.post("/cds-services/made-up-" + UUID.randomUUID(), "{}")
                        .status())
                .isEqualTo(404);
        String text = client.get("/actuator/prometheus").body();
        assertSample(text, "cds_requests_seconds_count", "service=\"unknown\"", "status=\"404\"");
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

    /** One sample line of the metric whose labels include every one given, with a value of at least 1. */
    private static void assertSample(String prometheus, String metric, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{([^}]*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
        boolean found = sample.matcher(prometheus)
                .results()
                .anyMatch(m -> List.of(m.group(1).split(",")).containsAll(List.of(labels))
                        && Double.parseDouble(m.group(2)) >= 1);
        assertThat(found)
                .as(metric + " with " + List.of(labels) + " in\n" + grep(prometheus, metric))
                .isTrue();
    }

    private static String grep(String text, String prefix) {
        return text.lines().filter(line -> line.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
    }
}
