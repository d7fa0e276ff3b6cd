package org.sarcomacds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.security.TrustedEhr.FHIR_TOKEN;
import static org.sarcomacds.security.TrustedEhr.FIXTURE;
import static org.sarcomacds.security.TrustedEhr.ISSUER;
import static org.sarcomacds.security.TrustedEhr.patientView;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sarcomacds.support.FixtureEhr;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.InfoLogs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the service logs while answering successful, refused, failed and unauthenticated calls: no client JWT,
 * no FHIR access token, no patient id; the calls are still traceable by hookInstance (the 412 and allowlist lines
 * too) and the patient pseudonym, and the client's issuer reads as the URL it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({OutputCaptureExtension.class, InfoLogs.class})
class LogPrivacyTest {

    static final TrustedEhr CLIENT = new TrustedEhr();
    static final WireMockServer EHR = ClientFhirServerTest.server();
    static final WireMockServer FAILING_EHR = ClientFhirServerTest.server();
    static final String SERVICE = "/cds-services/lms-patient-view";

    @LocalServerPort
    int port;

    @Autowired
    LogPseudonyms pseudonyms;

    @DynamicPropertySource
    static void client(DynamicPropertyRegistry registry) {
        registry.add("cds.security.require-jwt", () -> "true");
        registry.add("cds.public-base-url", () -> TrustedEhr.BASE);
        registry.add("cds.security.clients[0].issuer", () -> ISSUER);
        registry.add("cds.security.clients[0].jwks-url", CLIENT::jwksUrl);
        registry.add("cds.security.clients[0].fhir-servers[0]", () -> ClientFhirServerTest.fhir(EHR));
        registry.add("cds.security.clients[0].fhir-servers[1]", () -> ClientFhirServerTest.fhir(FAILING_EHR));
    }

    @AfterAll
    static void stop() {
        EHR.stop();
        FAILING_EHR.stop();
        CLIENT.keys.stop();
    }

    @Test
    void noTokenAndNoPatientIdReachTheLog(CapturedOutput output) {
        new FixtureEhr(EHR, FHIR_TOKEN).serve(FIXTURE, TrustedEhr.patientViewTemplates());
        // a catch-all, so WireMock itself never prints an unmatched request (with its headers) into the output
        EHR.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
        FAILING_EHR.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom " + FIXTURE.patientId())));
        HookClient client = new HookClient(port);
        List<String> jwts = new ArrayList<>();
        List<String> hookInstances = new ArrayList<>();

        ObjectNode fetched = patientView(ClientFhirServerTest.fhir(EHR));
        assertThat(call(client, fetched, jwts, hookInstances)).isEqualTo(200);
        ObjectNode failing = patientView(ClientFhirServerTest.fhir(FAILING_EHR));
        assertThat(call(client, failing, jwts, hookInstances)).isEqualTo(412);
        ObjectNode notAllowed = patientView("http://127.0.0.1:1/fhir");
        assertThat(call(client, notAllowed, jwts, hookInstances)).isEqualTo(412);
        ObjectNode wrongHook = patientView(ClientFhirServerTest.fhir(EHR)).put("hook", "order-sign");
        assertThat(call(client, wrongHook, jwts, hookInstances)).isEqualTo(400);
        ObjectNode otherPatientsData = patientView(ClientFhirServerTest.fhir(EHR));
        ((ObjectNode) otherPatientsData.get("context")).put("patientId", FIXTURE.patientId() + "-x");
        call(client, otherPatientsData, jwts, hookInstances);
        String badSignature = CLIENT.bearer(ISSUER, SERVICE);
        badSignature = badSignature.substring(0, badSignature.length() - 4) + "AAAA";
        jwts.add(badSignature.substring(7));
        assertThat(client.post(SERVICE, fetched, badSignature).status()).isEqualTo(401);

        String log = output.getAll();
        for (String jwt : jwts) {
            assertThat(log)
                    .as("a client JWT")
                    .doesNotContain(jwt)
                    .doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
        }
        assertThat(log).as("the FHIR access token").doesNotContain(FHIR_TOKEN);
        assertThat(log).as("the patient id").doesNotContain(FIXTURE.patientId());
        assertThat(log).as("the pseudonym correlates the calls").contains(pseudonyms.patient(FIXTURE.patientId()));
        assertThat(log)
                .as("each call is traceable by hookInstance")
                .contains(hookInstances.get(0), hookInstances.get(1));
        assertThat(log).contains("refused status=401");
        assertThat(linesWith(log, "refused status=412"))
                .as("the 412 lines carry the hookInstance of their call")
                .anyMatch(line -> line.contains(hookInstances.get(1)))
                .anyMatch(line -> line.contains(hookInstances.get(2)));
        assertThat(linesWith(log, "not on the allowlist"))
                .as("the allowlist warning carries the hookInstance of its call")
                .anyMatch(line -> line.contains(hookInstances.get(2)));
        assertThat(log).as("the issuer, readable and on one line").contains("client=" + ISSUER + " ");
    }

    private static List<String> linesWith(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).toList();
    }

    private static int call(HookClient client, ObjectNode body, List<String> jwts, List<String> hookInstances) {
        String bearer = CLIENT.bearer(ISSUER, SERVICE);
        jwts.add(bearer.substring(7));
        hookInstances.add(body.path("hookInstance").asString());
        return client.post(SERVICE, body, bearer).status();
    }
}
