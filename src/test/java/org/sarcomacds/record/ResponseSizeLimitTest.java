package org.sarcomacds.record;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.record.HookCalls.FIXTURE;
import static org.sarcomacds.record.HookCalls.JSON;
import static org.sarcomacds.record.HookCalls.PATIENT;
import static org.sarcomacds.record.HookCalls.TOKEN;
import static org.sarcomacds.record.HookCalls.TRABECTEDIN;
import static org.sarcomacds.record.HookCalls.assertPreconditionFailed;
import static org.sarcomacds.record.HookCalls.fhir;
import static org.sarcomacds.record.HookCalls.ok;
import static org.sarcomacds.record.HookCalls.request;
import static org.sarcomacds.record.HookCalls.ruleIds;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.support.FixtureEhr;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cds.fetch.max-response-size} bounds every FHIR answer, whether or not the server declares its length. The
 * rest of the prefetch is sent, so only the Condition search goes to the WireMock EHR.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.fetch.max-response-size=1KB", "cds.fetch.deadline=20s", "cds.fetch.read-timeout=15s"})
class ResponseSizeLimitTest {

    private static final WireMockServer EHR = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @LocalServerPort
    int port;

    private HookClient client;
    private FixtureEhr ehr;
    private ObjectNode prefetch;

    @BeforeAll
    static void startEhr() {
        EHR.start();
    }

    @AfterAll
    static void stopEhr() {
        EHR.stop();
    }

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
        ehr = new FixtureEhr(EHR, TOKEN);
        prefetch = ehr.serve(FIXTURE, client.templates("lms-patient-view"));
        prefetch.remove("conditions");
    }

    @Test
    void answerUnderTheCapIsUsed() {
        String body = conditions(0).toString();
        assertThat(body.getBytes(StandardCharsets.UTF_8).length)
                .as("control answer fits in 1 KB")
                .isLessThan(1024);
        stubConditions(fhir(200, conditions(0)));

        JsonNode response = ok(call());

        assertThat(ruleIds(response)).contains(TRABECTEDIN);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void answerOverTheCapIsRefused(boolean declaresLength) {
        ObjectNode big = conditions(50 * 1024);
        int size = big.toString().getBytes(StandardCharsets.UTF_8).length;
        assertThat(size).isGreaterThan(50 * 1024);
        ResponseDefinitionBuilder answer = fhir(200, big);
        if (declaresLength) {
            answer = answer.withHeader("Content-Length", String.valueOf(size));
        }
        stubConditions(answer);

        HookClient.Reply reply = call();

        assertPreconditionFailed(reply, "conditions");
        EHR.verify(1, getRequestedFor(urlPathEqualTo("/fhir/Condition")));
    }

    private HookClient.Reply call() {
        return client.post("/cds-services/lms-patient-view", request("patient-view", prefetch, ehr.baseUrl()));
    }

    private static void stubConditions(ResponseDefinitionBuilder answer) {
        EHR.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .withQueryParam("patient", equalTo(PATIENT))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(answer));
    }

    /** A minimal LMS and a liver metastasis Condition; {@code padding} characters of note make it large. */
    private static ObjectNode conditions(int padding) {
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        ObjectNode lms = condition(entries, "c-lms", "1163022006");
        condition(entries, "c-mets", "94381002");
        if (padding > 0) {
            lms.putArray("note").addObject().put("text", "x".repeat(padding));
        }
        return bundle;
    }

    private static ObjectNode condition(ArrayNode entries, String id, String snomed) {
        ObjectNode condition = entries.addObject()
                .putObject("resource")
                .put("resourceType", "Condition")
                .put("id", id);
        condition.putObject("clinicalStatus").putArray("coding").addObject().put("code", "active");
        condition.putObject("verificationStatus").putArray("coding").addObject().put("code", "confirmed");
        condition
                .putObject("code")
                .putArray("coding")
                .addObject()
                .put("system", "http://snomed.info/sct")
                .put("code", snomed);
        condition.putObject("subject").put("reference", "Patient/" + PATIENT);
        return condition;
    }
}
