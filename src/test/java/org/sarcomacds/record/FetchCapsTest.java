package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.record.HookCalls.FIXTURE;
import static org.sarcomacds.record.HookCalls.JSON;
import static org.sarcomacds.record.HookCalls.PATIENT;
import static org.sarcomacds.record.HookCalls.TRABECTEDIN;
import static org.sarcomacds.record.HookCalls.assertPreconditionFailed;
import static org.sarcomacds.record.HookCalls.cardOf;
import static org.sarcomacds.record.HookCalls.ok;
import static org.sarcomacds.record.HookCalls.prefetchWithout;
import static org.sarcomacds.record.HookCalls.request;
import static org.sarcomacds.record.HookCalls.ruleIds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.SocketFhirServer;
import org.sarcomacds.support.SocketFhirServer.Closes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one fetch may read. A search is capped by entries, not pages: past {@code cds.fetch.max-search-entries}
 * (lowered to 100 here) an optional key is cut short and the cards say so, while a required key (the medication
 * history the rules decide on) cut short is a 412 that names the cap. And all FHIR answers in memory at once share
 * {@code cds.fetch.max-bytes-in-flight} (lowered to 64 KB): an answer that does not fit fails at once, and a call
 * whose required data failed only so is a 503 the client may try again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.fetch.max-search-entries=100", "cds.fetch.max-bytes-in-flight=64KB"})
class FetchCapsTest {

    @LocalServerPort
    int port;

    private HookClient client;

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
    }

    /** The fixture with {@code count} more resources made by {@code make}. */
    private static ObjectNode recordWith(int count, java.util.function.IntFunction<ObjectNode> make) {
        ObjectNode record = (ObjectNode) FIXTURE.record().deepCopy();
        ArrayNode entries = (ArrayNode) record.withArray("entry");
        for (int i = 0; i < count; i++) {
            entries.addObject().set("resource", make.apply(i));
        }
        return record;
    }

    private static ObjectNode genomicResult(int i) {
        ObjectNode observation = JSON.createObjectNode()
                .put("resourceType", "Observation")
                .put("id", "genomics-" + i)
                .put("status", "final")
                .put("effectiveDateTime", "2025-06-01");
        observation.putObject("subject").put("reference", "Patient/" + PATIENT);
        observation
                .putObject("code")
                .putArray("coding")
                .addObject()
                .put("system", "http://loinc.org")
                .put("code", "69548-6");
        observation.putObject("valueCodeableConcept").put("text", "no variant detected");
        return observation;
    }

    private static ObjectNode medicationRequest(int i) {
        ObjectNode request = JSON.createObjectNode()
                .put("resourceType", "MedicationRequest")
                .put("id", "mr-" + i)
                .put("status", "completed")
                .put("intent", "order");
        request.putObject("subject").put("reference", "Patient/" + PATIENT);
        request.putObject("medicationCodeableConcept").put("text", "ondansetron 8 mg");
        return request;
    }

    @Test
    void optionalKeyCutShortIsAnsweredAndTheCardsSaySo() {
        try (SocketFhirServer ehr =
                new SocketFhirServer(Closes.NEVER).serving(recordWith(150, FetchCapsTest::genomicResult), 0)) {
            JsonNode response = ok(client.post(
                    "/cds-services/lms-patient-view",
                    request("patient-view", prefetchWithout(client, List.of("genomics")), ehr.baseUrl())));

            assertThat(ruleIds(response)).contains(TRABECTEDIN);
            assertThat(cardOf(response, TRABECTEDIN).path("detail").asString())
                    .contains("genomics (cut short: only its first 100 entries were read");
        }
    }

    @Test
    void requiredKeyCutShortIs412NamingTheCap() {
        try (SocketFhirServer ehr =
                new SocketFhirServer(Closes.NEVER).serving(recordWith(232, FetchCapsTest::medicationRequest), 0)) {
            HookClient.Reply reply = client.post(
                    "/cds-services/lms-patient-view",
                    request("patient-view", prefetchWithout(client, List.of("medrequests")), ehr.baseUrl()));

            String diagnostics = assertPreconditionFailed(reply, "medrequests")
                    .path("issue")
                    .get(0)
                    .path("diagnostics")
                    .asString();
            assertThat(diagnostics).contains("cut short").contains("cds.fetch.max-search-entries");
        }
    }

    @Test
    void requiredAnswersBeyondTheMemoryBudgetAre503WithRetryAfter() throws Exception {
        byte[] large = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]," + "\"x\":\""
                        + "x".repeat(100 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (SocketFhirServer ehr =
                new SocketFhirServer(Closes.NEVER).answering(query -> new SocketFhirServer.Answer(200, large))) {
            String call = request("patient-view", prefetchWithout(client, List.of("conditions")), ehr.baseUrl())
                    .toString();
            HttpResponse<String> reply = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/cds-services/lms-patient-view"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(call))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
            assertThat(reply.headers().firstValue("Retry-After")).contains("1");
            assertThat(JSON.readTree(reply.body())
                            .path("issue")
                            .get(0)
                            .path("diagnostics")
                            .asString())
                    .contains("Required data could not be fetched just now: conditions:")
                    .contains("as many FHIR answers as its memory allows (64 KB)");
        }
    }

    /**
     * The resources parsed from an answer are in memory for the rest of the call, so its bytes stay counted until the
     * call ends: two 40 KB answers read one after the other do not both fit in 64 KB, although each would alone.
     * When the call has ended, its bytes are free for the next one.
     */
    @Test
    void answersStayCountedUntilTheirCallEnds() {
        byte[] answer = ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[],\"x\":\""
                        + "x".repeat(40 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (SocketFhirServer ehr = new SocketFhirServer(Closes.NEVER).answering(query -> {
            if (query.contains("MedicationRequest")) {
                sleep(300); // after the conditions' answer was read and parsed
            }
            return new SocketFhirServer.Answer(200, answer);
        })) {
            HookClient.Reply both = client.post(
                    "/cds-services/lms-patient-view",
                    request(
                            "patient-view",
                            prefetchWithout(client, List.of("conditions", "medrequests")),
                            ehr.baseUrl()));

            assertThat(both.status()).as(both.body()).isEqualTo(503);
            assertThat(both.body()).contains("medrequests:").contains("as many FHIR answers as its memory allows");

            HookClient.Reply one = client.post(
                    "/cds-services/lms-patient-view",
                    request("patient-view", prefetchWithout(client, List.of("conditions")), ehr.baseUrl()));
            assertThat(one.status())
                    .as("the first call's bytes were given back: " + one.body())
                    .isEqualTo(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
