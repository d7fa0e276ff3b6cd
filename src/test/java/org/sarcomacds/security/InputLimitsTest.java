package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shape limits beyond body size and nesting depth (tested in protocol): prefetch keys, Bundle entries, identifier
 * and string lengths. Each is a 4xx with an OperationOutcome that names the limit. Limits are lowered here so the
 * requests stay small.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cds.limits.max-prefetch-keys=20",
            "cds.limits.max-entries=50",
            "cds.limits.max-id-length=100",
            "cds.limits.max-string-length=5000"
        })
class InputLimitsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SERVICE = "/cds-services/lms-patient-view";

    @LocalServerPort
    int port;

    private HookClient client;

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
    }

    static ObjectNode call() {
        ObjectNode call = JSON.createObjectNode()
                .put("hook", "patient-view")
                .put("hookInstance", UUID.randomUUID().toString());
        call.putObject("context").put("patientId", "p1").put("userId", "Practitioner/1");
        ObjectNode prefetch = call.putObject("prefetch");
        for (String key : new String[] {"conditions", "medstatements", "medrequests"}) {
            prefetch.putObject(key).put("resourceType", "Bundle").put("type", "searchset");
        }
        return call;
    }

    static void assertRefused(HookClient.Reply reply, int status, String phrase) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        JsonNode outcome = reply.json();
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").path(0).path("diagnostics").asString()).contains(phrase);
    }

    @Test
    void withinTheLimitsIsAnswered() {
        assertThat(client.post(SERVICE, call()).status()).isEqualTo(200);
    }

    @Test
    void tooManyPrefetchKeys() {
        ObjectNode call = call();
        for (int i = 0; i < 18; i++) {
            ((ObjectNode) call.get("prefetch")).putNull("extra" + i);
        }
        assertRefused(client.post(SERVICE, call), 413, "at most 20 are accepted");
    }

    @Test
    void tooManyBundleEntries() {
        ObjectNode call = call();
        ArrayNode entries = ((ObjectNode) call.get("prefetch").get("conditions")).putArray("entry");
        for (int i = 0; i < 51; i++) {
            entries.addObject()
                    .putObject("resource")
                    .put("resourceType", "Condition")
                    .put("id", "c" + i);
        }
        assertRefused(client.post(SERVICE, call), 413, "at most 50 are accepted");
    }

    @Test
    void tooLongIdentifiers() {
        assertRefused(
                client.post(SERVICE, call().put("hookInstance", "h".repeat(101))),
                400,
                "hookInstance' is longer than 100");
        ObjectNode call = call();
        ((ObjectNode) call.get("context")).put("patientId", "p".repeat(101));
        assertRefused(client.post(SERVICE, call), 400, "context.patientId' is longer than 100");
        assertRefused(
                client.post(SERVICE, call().put("fhirServer", "http://127.0.0.1/" + "f".repeat(100))),
                400,
                "fhirServer' is longer than 100");
    }

    @Test
    void tooLongStringAnywhere() {
        ObjectNode call = call();
        ((ObjectNode) call.get("context")).put("note", "n".repeat(5001));
        assertRefused(client.post(SERVICE, call), 400, "a string is longer than 5000 characters");
    }
}
