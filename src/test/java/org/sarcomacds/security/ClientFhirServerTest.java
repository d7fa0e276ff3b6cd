package org.sarcomacds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.security.TrustedEhr.FHIR_TOKEN;
import static org.sarcomacds.security.TrustedEhr.FIXTURE;
import static org.sarcomacds.security.TrustedEhr.ISSUER;
import static org.sarcomacds.security.TrustedEhr.patientView;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.FixtureEhr;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.TestHosts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With JWT on, the {@code fhirServer} of a call is contacted only if it is allowlisted for the client that signed
 * the call. Every other server runs a WireMock EHR that would answer correctly with the right token, so "no request
 * arrived" proves it was not contacted and the token was not sent; the call is then answered 412 (no prefetch).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestHosts.class)
class ClientFhirServerTest {

    static final TrustedEhr CLIENT = new TrustedEhr();
    static final WireMockServer ALLOWED = server();
    static final WireMockServer OTHER_CLIENTS = server();
    static final WireMockServer UNLISTED = server();
    static final WireMockServer REDIRECTING = server();
    static final WireMockServer REMOTE = server();
    static final String SERVICE = "/cds-services/lms-patient-view";

    @LocalServerPort
    int port;

    private HookClient client;

    static WireMockServer server() {
        WireMockServer server = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return server;
    }

    static String fhir(WireMockServer server) {
        return "http://127.0.0.1:" + server.port() + "/fhir";
    }

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("cds.security.require-jwt", () -> "true");
        registry.add("cds.public-base-url", () -> TrustedEhr.BASE);
        registry.add("cds.security.clients[0].issuer", () -> ISSUER);
        registry.add("cds.security.clients[0].jwks-url", CLIENT::jwksUrl);
        registry.add("cds.security.clients[0].fhir-servers[0]", () -> fhir(ALLOWED));
        registry.add("cds.security.clients[0].fhir-servers[1]", () -> fhir(REDIRECTING));
        registry.add(
                "cds.security.clients[0].fhir-servers[2]",
                () -> "http://" + TestHosts.REMOTE_EHR + ":" + REMOTE.port() + "/fhir");
        registry.add("cds.security.clients[0].fhir-servers[3]", () -> "http://169.254.169.254/fhir");
        registry.add(
                "cds.security.clients[0].fhir-servers[4]",
                () -> "http://" + TestHosts.METADATA + ":" + UNLISTED.port() + "/fhir");
        registry.add("cds.security.clients[1].issuer", () -> "https://other.test");
        registry.add("cds.security.clients[1].jwks-url", CLIENT::jwksUrl);
        registry.add("cds.security.clients[1].fhir-servers[0]", () -> fhir(OTHER_CLIENTS));
    }

    @AfterAll
    static void stop() {
        for (WireMockServer server :
                new WireMockServer[] {ALLOWED, OTHER_CLIENTS, UNLISTED, REDIRECTING, REMOTE, CLIENT.keys}) {
            server.stop();
        }
    }

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
        var templates = TrustedEhr.patientViewTemplates();
        for (WireMockServer server : new WireMockServer[] {ALLOWED, OTHER_CLIENTS, UNLISTED, REMOTE}) {
            new FixtureEhr(server, FHIR_TOKEN).serve(FIXTURE, templates);
        }
        REDIRECTING.resetAll();
        REDIRECTING.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", fhir(UNLISTED) + "/Condition?patient=" + FIXTURE.patientId())));
    }

    HookClient.Reply call(String fhirServer) {
        return client.post(SERVICE, patientView(fhirServer), CLIENT.bearer(ISSUER, SERVICE));
    }

    static void assertNeverContacted(WireMockServer... servers) {
        for (WireMockServer server : servers) {
            assertThat(server.getAllServeEvents())
                    .as("requests that reached port " + server.port())
                    .isEmpty();
        }
    }

    @Test
    void serverAllowlistedForTheClientIsFetchedFromWithTheToken() {
        HookClient.Reply reply = call(fhir(ALLOWED));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).contains("LMS-TRABECTEDIN-NEXT-LINE").doesNotContain(FHIR_TOKEN);
        ALLOWED.verify(getRequestedFor(urlPathEqualTo("/fhir/Condition"))
                .withHeader("Authorization", equalTo("Bearer " + FHIR_TOKEN)));
        assertNeverContacted(OTHER_CLIENTS, UNLISTED, REDIRECTING, REMOTE);
    }

    @Test
    void serverAllowlistedOnlyForAnotherClientIsNeverContacted() {
        assertThat(call(fhir(OTHER_CLIENTS)).status()).isEqualTo(412);
        assertNeverContacted(OTHER_CLIENTS, ALLOWED, UNLISTED, REDIRECTING, REMOTE);
    }

    @Test
    void unlistedLoopbackServerIsNeverContactedThoughLoopbackIsAllowedWithoutJwt() {
        assertThat(call(fhir(UNLISTED)).status()).isEqualTo(412);
        assertThat(call(fhir(ALLOWED) + "-other").status()).isEqualTo(412);
        assertNeverContacted(UNLISTED, ALLOWED, OTHER_CLIENTS, REDIRECTING, REMOTE);
    }

    @Test
    void cloudMetadataIsRefusedEvenWhenAllowlisted() {
        assertThat(call("http://169.254.169.254/fhir").status()).isEqualTo(412);
        // a listed name that resolves to the metadata address: refused, although a WireMock listens on that port
        assertThat(call("http://" + TestHosts.METADATA + ":" + UNLISTED.port() + "/fhir")
                        .status())
                .isEqualTo(412);
        assertNeverContacted(UNLISTED, ALLOWED, OTHER_CLIENTS, REDIRECTING, REMOTE);
    }

    @Test
    void redirectIsNotFollowedAndTheTokenGoesNowhereElse() {
        assertThat(call(fhir(REDIRECTING)).status()).isEqualTo(412);
        assertThat(REDIRECTING.getAllServeEvents()).isNotEmpty();
        assertNeverContacted(UNLISTED, ALLOWED, OTHER_CLIENTS, REMOTE);
    }

    @Test
    void plainHttpToANamedHostIsAllowedOutsideProd() {
        // the control for ProdFhirServerTest: the same listed http URL is contacted when https is not required
        HookClient.Reply reply = call("http://" + TestHosts.REMOTE_EHR + ":" + REMOTE.port() + "/fhir");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(REMOTE.getAllServeEvents()).isNotEmpty();
    }
}
