package org.sarcomacds.record;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.record.HookCalls.FIXTURE;
import static org.sarcomacds.record.HookCalls.PATIENT;
import static org.sarcomacds.record.HookCalls.TOKEN;
import static org.sarcomacds.record.HookCalls.TRABECTEDIN;
import static org.sarcomacds.record.HookCalls.assertPreconditionFailed;
import static org.sarcomacds.record.HookCalls.ok;
import static org.sarcomacds.record.HookCalls.request;
import static org.sarcomacds.record.HookCalls.ruleIds;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With {@code cds.fetch.allow-loopback=false}, only the configured {@code cds.fetch.allowed-servers} are contacted:
 * the allowlisted WireMock EHR is fetched from, while a second loopback WireMock (and the allowlisted one under
 * another spelling) is never contacted, so a call without prefetch answers 412.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.fetch.allow-loopback=false")
class FhirServerAllowlistTest {

    private static final WireMockServer ALLOWED = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private static final WireMockServer NOT_ALLOWED = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    @LocalServerPort
    int port;

    private HookClient client;

    @DynamicPropertySource
    static void allowOneServer(DynamicPropertyRegistry registry) {
        registry.add("cds.fetch.allowed-servers", () -> "http://127.0.0.1:" + ALLOWED.port() + "/fhir");
    }

    @BeforeAll
    static void startServers() {
        ALLOWED.start();
        NOT_ALLOWED.start();
    }

    @AfterAll
    static void stopServers() {
        ALLOWED.stop();
        NOT_ALLOWED.stop();
    }

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
        var templates = client.templates("lms-patient-view");
        new FixtureEhr(ALLOWED, TOKEN).serve(FIXTURE, templates);
        new FixtureEhr(NOT_ALLOWED, TOKEN).serve(FIXTURE, templates);
    }

    @Test
    void allowlistedServerIsFetchedFrom() {
        HookClient.Reply reply = call("http://127.0.0.1:" + ALLOWED.port() + "/fhir");

        JsonNode response = ok(reply);
        assertThat(ruleIds(response)).contains(TRABECTEDIN);
        ALLOWED.verify(getRequestedFor(urlPathEqualTo("/fhir/Condition"))
                .withQueryParam("patient", equalTo(PATIENT))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(ALLOWED.findAllUnmatchedRequests()).isEmpty();
    }

    @Test
    void loopbackServerNotOnTheAllowlistIsNeverContacted() {
        HookClient.Reply reply = call("http://127.0.0.1:" + NOT_ALLOWED.port() + "/fhir");

        assertPreconditionFailed(reply, "conditions");
        assertThat(NOT_ALLOWED.getAllServeEvents())
                .as("not contacted, token not sent")
                .isEmpty();
        assertThat(ALLOWED.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:%d/fhir",
                "http://127.0.0.1:%d/fhir-other",
                "http://127.0.0.1:%d",
                "http://user@127.0.0.1:%d/fhir"
            })
    void otherSpellingsOfTheAllowlistedServerAreNotContacted(String pattern) {
        HookClient.Reply reply = call(pattern.formatted(ALLOWED.port()));

        assertPreconditionFailed(reply, "conditions");
        assertThat(ALLOWED.getAllServeEvents()).isEmpty();
    }

    @Test
    void fullPrefetchNeedsNoServerAtAll() {
        var prefetch = new FixtureEhr(NOT_ALLOWED, TOKEN).serve(FIXTURE, client.templates("lms-patient-view"));

        JsonNode response = ok(client.post(
                "/cds-services/lms-patient-view",
                request("patient-view", prefetch, "http://127.0.0.1:" + NOT_ALLOWED.port() + "/fhir")));

        assertThat(ruleIds(response)).contains(TRABECTEDIN);
        assertThat(NOT_ALLOWED.getAllServeEvents()).isEmpty();
    }

    private HookClient.Reply call(String fhirServer) {
        return client.post("/cds-services/lms-patient-view", request("patient-view", null, fhirServer));
    }
}
