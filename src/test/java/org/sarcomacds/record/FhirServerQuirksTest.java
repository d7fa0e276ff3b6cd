package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.record.HookCalls.FIXTURE;
import static org.sarcomacds.record.HookCalls.PATIENT;
import static org.sarcomacds.record.HookCalls.TRABECTEDIN;
import static org.sarcomacds.record.HookCalls.detail;
import static org.sarcomacds.record.HookCalls.ok;
import static org.sarcomacds.record.HookCalls.prefetchWithout;
import static org.sarcomacds.record.HookCalls.request;
import static org.sarcomacds.record.HookCalls.ruleIds;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.SocketFhirServer;
import org.sarcomacds.support.SocketFhirServer.Closes;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real FHIR servers as they behave, not as WireMock does: servers that close idle keep-alive connections (Apache
 * httpd after 5 s; here 1 s) or close after every answer without saying so, and servers that page by 20 whatever
 * {@code _count} asks. The calls leave the Conditions and both medication histories to be fetched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirServerQuirksTest {

    static final List<String> FETCHED = List.of("conditions", "medstatements", "medrequests");

    @LocalServerPort
    int port;

    private HookClient client;

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
    }

    @ParameterizedTest
    @EnumSource(names = {"WHEN_IDLE_FOR_1S", "AFTER_EVERY_ANSWER"})
    void consecutiveCallsAllSucceedAgainstAServerThatClosesConnections(Closes closes) throws InterruptedException {
        try (SocketFhirServer ehr = new SocketFhirServer(closes).serving(FIXTURE.record(), 0)) {
            for (int call = 1; call <= 3; call++) {
                if (closes == Closes.WHEN_IDLE_FOR_1S && call > 1) {
                    Thread.sleep(1500); // the server has closed the pooled connections by now
                }
                HookClient.Reply reply = client.post(
                        "/cds-services/lms-patient-view",
                        request("patient-view", prefetchWithout(client, FETCHED), ehr.baseUrl()));

                assertThat(reply.status())
                        .as("call " + call + ": " + reply.body())
                        .isEqualTo(200);
                assertThat(ruleIds(reply.json())).contains(TRABECTEDIN);
            }
            assertThat(ehr.connections())
                    .as("every call after the first met closed connections and opened new ones")
                    .isGreaterThan(FETCHED.size());
        }
    }

    @Test
    void medicationHistoryOf232RequestsOnPagesOf20IsReadInFull() {
        ObjectNode record = (ObjectNode) FIXTURE.record().deepCopy();
        ArrayNode entries = (ArrayNode) record.withArray("entry");
        for (int i = 0; i < 232; i++) {
            ObjectNode request = entries.addObject()
                    .putObject("resource")
                    .put("resourceType", "MedicationRequest")
                    .put("id", "mr-ondansetron-" + i)
                    .put("status", "completed")
                    .put("intent", "order")
                    .put("authoredOn", "2025-01-01");
            request.putObject("subject").put("reference", "Patient/" + PATIENT);
            request.putObject("medicationCodeableConcept")
                    .put("text", "ondansetron 8 mg")
                    .putArray("coding")
                    .addObject()
                    .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
                    .put("code", "26225");
        }
        try (SocketFhirServer ehr = new SocketFhirServer(Closes.NEVER).serving(record, 20)) {
            JsonNode response = ok(client.post(
                    "/cds-services/lms-patient-view",
                    request("patient-view", prefetchWithout(client, List.of("medrequests")), ehr.baseUrl())));

            assertThat(ruleIds(response)).contains(TRABECTEDIN);
            assertThat(detail(response, 0)).doesNotContain("cut short").doesNotContain("Not available");
            assertThat(ehr.requests())
                    .as("12 pages of 20: the server's page size, not ours, and no page cap")
                    .isGreaterThanOrEqualTo(12);
        }
    }
}
