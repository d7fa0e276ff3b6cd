package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.support.HookClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The prod profile serves no try-it page, no demo catalogue and no fixture data; the CDS service is there, behind
 * client authentication. (prod needs a public base URL and a trusted client to start; the client's keys are never
 * fetched here.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cds.public-base-url=https://cds.example.org",
            "cds.security.clients[0].issuer=https://ehr.example.org",
            "cds.security.clients[0].jwks-url=https://ehr.example.org/.well-known/jwks.json"
        })
@ActiveProfiles("prod")
class DemoOffInProdTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/index.html",
                "/try-it.js",
                "/fhir/Patient",
                "/fhir/metadata",
                "/fhir/Patient/lms-uterine-on-pazopanib",
                "/demo/fixtures",
                "/demo/orderables"
            })
    void demoPathsServeNothing(String path) {
        HookClient.Reply reply = new HookClient(port).get(path);

        assertThat(reply.status()).as(path).isIn(401, 404);
        assertThat(reply.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(reply.body()).doesNotContain("lms-uterine-on-pazopanib").doesNotContain("try-it");
    }

    @Test
    void noDemoComponentIsCreated() {
        assertThat(context.getBeanNamesForType(DemoFhirController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(FixtureLibrary.class)).isEmpty();
        assertThat(context.getBeanNamesForType(OrderCatalogue.class)).isEmpty();
    }

    @Test
    void theCdsServiceIsStillThereBehindClientAuthentication() {
        HookClient.Reply reply = new HookClient(port).get("/cds-services");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
    }
}
