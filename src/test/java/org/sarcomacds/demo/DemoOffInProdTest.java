package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The prod profile serves no try-it page, no demo catalogue and no fixture data; the CDS service is unchanged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class DemoOffInProdTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/try-it.js", "/fhir/Patient", "/fhir/metadata",
            "/fhir/Patient/lms-uterine-on-pazopanib", "/demo/fixtures", "/demo/orderables"})
    void demoPathsAreNotFound(String path) {
        HookClient.Reply reply = new HookClient(port).get(path);

        assertThat(reply.status()).as(path).isEqualTo(404);
        assertThat(reply.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void theServiceStillAnswers() {
        HookClient.Reply reply = new HookClient(port).get("/cds-services");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("lms-patient-view");
    }
}
