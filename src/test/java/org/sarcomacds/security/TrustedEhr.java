package org.sarcomacds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import java.util.UUID;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.record.PrefetchDefinition;
import org.sarcomacds.support.ClientKeyPairs;
import org.sarcomacds.support.ClientTokens;
import org.sarcomacds.support.Fixture;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trusted CDS client for tests that are about what an authenticated client may make us do: its RS384 key, its
 * JWK Set on a loopback WireMock, and hook calls for fixture {@code lms-uterine-on-pazopanib} with a FHIR token.
 */
final class TrustedEhr {

    static final String ISSUER = "https://ehr.test";
    static final String BASE = "https://cds.test";
    static final String FHIR_TOKEN = "fhir-access-token-" + UUID.randomUUID();
    static final Fixture FIXTURE = Fixture.all().stream()
            .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
            .findFirst()
            .orElseThrow();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final RSAKey key = ClientKeyPairs.rsa();
    final WireMockServer keys = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    TrustedEhr() {
        keys.start();
        keys.stubFor(get(urlEqualTo("/jwks.json"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(ClientKeyPairs.publicJwks(key))));
    }

    String jwksUrl() {
        return "http://127.0.0.1:" + keys.port() + "/jwks.json";
    }

    String bearer(String issuer, String path) {
        return "Bearer "
                + ClientTokens.signedWith(key, JWSAlgorithm.RS384, issuer, BASE + path)
                        .sign();
    }

    /** The prefetch templates every service advertises (the shared definition; discovery needs a JWT here). */
    static Map<String, String> patientViewTemplates() {
        return new PrefetchDefinition(
                        FhirContext.forR4(),
                        KnowledgeFiles.jsonFile("prefetch.json"),
                        KnowledgeFiles.jsonFiles("valuesets"))
                .templates();
    }

    /** A patient-view call without prefetch, naming {@code fhirServer} with {@link #FHIR_TOKEN}. */
    static ObjectNode patientView(String fhirServer) {
        ObjectNode request = JSON.createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", "patient-view");
        request.put("fhirServer", fhirServer);
        request.putObject("fhirAuthorization")
                .put("access_token", FHIR_TOKEN)
                .put("token_type", "Bearer")
                .put("expires_in", 300)
                .put("scope", "patient/*.read")
                .put("subject", "sarcoma-cds");
        request.set("context", FIXTURE.context("patient-view").orElseThrow());
        return request;
    }
}
