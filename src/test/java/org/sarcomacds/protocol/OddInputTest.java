package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.ProtocolHttp.JSON;
import static org.sarcomacds.protocol.ProtocolHttp.assertOperationOutcome;
import static org.sarcomacds.protocol.ProtocolHttp.orderSign;
import static org.sarcomacds.protocol.ProtocolHttp.patientView;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.sarcomacds.support.InfoLogs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/** Odd FHIR and hostile text: a 200 or a 400 with an OperationOutcome, never a 500, an HTML page or a forged log line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({OutputCaptureExtension.class, InfoLogs.class})
class OddInputTest {

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    /** Condition.verificationStatus is optional (0..1) in R4: a Condition without one is read. */
    @Test
    void conditionWithoutVerificationStatusIsRead() {
        ObjectNode request = patientView();
        ((ObjectNode) request.path("prefetch"))
                .set(
                        "conditions",
                        JSON.readTree("{\"resourceType\":\"Bundle\","
                                + "\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c1\","
                                + "\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-clinical\","
                                + "\"code\":\"active\"}]},\"code\":{\"text\":\"Leiomyosarcoma of uterus\"},"
                                + "\"subject\":{\"reference\":\"Patient/pat-1\"}}}]}"));
        Answer answer = http.postJson("/cds-services/lms-patient-view", request);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    /** A draftOrders entry whose resource is not a JSON object is a client error (HAPI throws an NPE on it). */
    @Test
    void draftOrdersEntryWhoseResourceIsAStringIs400() {
        ObjectNode request = orderSign();
        ((ObjectNode) request.path("context").path("draftOrders").path("entry").path(0))
                .put("resource", "MedicationRequest/x");
        assertOperationOutcome(http.postJson("/cds-services/lms-order-sign", request), 400, "'context.draftOrders'");
    }

    /** The same inside a prefetched Bundle. */
    @Test
    void prefetchEntryWhoseResourceIsAStringIs400() {
        ObjectNode request = patientView();
        ((ObjectNode) request.path("prefetch"))
                .set(
                        "conditions",
                        JSON.readTree(
                                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":\"Condition/c1\"}]}"));
        assertOperationOutcome(
                http.postJson("/cds-services/lms-patient-view", request), 400, "prefetch key 'conditions'");
    }

    /** A newline in the client's hook value cannot forge a log line. */
    @Test
    void aHookValueCannotForgeALogLine(CapturedOutput output) {
        ObjectNode request =
                patientView().put("hook", "order-sign\n2026-11-27T10:00:00.000Z  INFO FORGED feedback service=x");
        assertThat(http.postJson("/cds-services/lms-patient-view", request).status())
                .isEqualTo(400);
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-11-27T10:00:00.000Z  INFO FORGED"));
    }

    /** HAPI's message quotes the client's resourceType; the refusal log line still stays one line. */
    @Test
    void aDraftResourceTypeCannotForgeALogLine(CapturedOutput output) {
        ObjectNode request = orderSign();
        ((ObjectNode) request.path("context")
                        .path("draftOrders")
                        .path("entry")
                        .path(0)
                        .path("resource"))
                .put("resourceType", "Foo\nFORGED-LINE refused nothing");
        assertThat(http.postJson("/cds-services/lms-order-sign", request).status())
                .isEqualTo(400);
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FORGED-LINE"));
    }

    /** Requests Tomcat refuses before Spring runs (a bad %-escape in the path) get an OperationOutcome, not HTML. */
    @Test
    void aPathTomcatRefusesStillGetsAnOperationOutcome() throws Exception {
        String raw;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /cds-services/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw)
                .containsIgnoringCase("Content-Type: application/fhir+json")
                .contains("\"OperationOutcome\"")
                .doesNotContain("<html");
    }
}
