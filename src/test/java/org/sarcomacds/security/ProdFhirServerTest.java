package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.security.TrustedEhr.FHIR_TOKEN;
import static org.sarcomacds.security.TrustedEhr.FIXTURE;
import static org.sarcomacds.security.TrustedEhr.ISSUER;
import static org.sarcomacds.security.TrustedEhr.patientView;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.FixtureEhr;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.TestHosts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code prod} profile: a FHIR server named over plain http is not contacted even when allowlisted, unless the
 * URL names loopback. {@code ehr.test} resolves to 127.0.0.1 here, where a WireMock EHR listens and would answer
 * (ClientFhirServerTest shows it does outside prod), so its empty request log proves no request, and no token, left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
@Import(TestHosts.class)
class ProdFhirServerTest {

    static final TrustedEhr CLIENT = new TrustedEhr();
    static final WireMockServer REMOTE = ClientFhirServerTest.server();
    static final WireMockServer LOOPBACK = ClientFhirServerTest.server();
    static final String SERVICE = "/cds-services/lms-patient-view";

    @LocalServerPort
    int port;

    private HookClient client;

    static String remote() {
        return "http://" + TestHosts.REMOTE_EHR + ":" + REMOTE.port() + "/fhir";
    }

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("cds.public-base-url", () -> TrustedEhr.BASE);
        registry.add("cds.security.clients[0].issuer", () -> ISSUER);
        registry.add("cds.security.clients[0].jwks-url", CLIENT::jwksUrl);
        registry.add("cds.security.clients[0].fhir-servers[0]", ProdFhirServerTest::remote);
        registry.add("cds.security.clients[0].fhir-servers[1]", () -> ClientFhirServerTest.fhir(LOOPBACK));
    }

    @AfterAll
    static void stop() {
        REMOTE.stop();
        LOOPBACK.stop();
        CLIENT.keys.stop();
    }

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
        new FixtureEhr(REMOTE, FHIR_TOKEN).serve(FIXTURE, TrustedEhr.patientViewTemplates());
        new FixtureEhr(LOOPBACK, FHIR_TOKEN).serve(FIXTURE, TrustedEhr.patientViewTemplates());
    }

    @Test
    void plainHttpToAnAllowlistedNamedHostIsNeverContacted() {
        HookClient.Reply reply = client.post(SERVICE, patientView(remote()), CLIENT.bearer(ISSUER, SERVICE));

        assertThat(reply.status()).as(reply.body()).isEqualTo(412);
        assertThat(REMOTE.getAllServeEvents())
                .as("requests that reached the http server")
                .isEmpty();
    }

    @Test
    void plainHttpToAnExplicitLoopbackAddressIsTheException() {
        HookClient.Reply reply =
                client.post(SERVICE, patientView(ClientFhirServerTest.fhir(LOOPBACK)), CLIENT.bearer(ISSUER, SERVICE));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(LOOPBACK.getAllServeEvents()).isNotEmpty();
    }

    @Test
    void prodRequiresJwt() {
        assertThat(new HookClient(port).get("/cds-services").status()).isEqualTo(401);
    }
}
