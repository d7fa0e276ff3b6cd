package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.ProtocolHttp.assertOperationOutcome;
import static org.sarcomacds.protocol.ProtocolHttp.patientView;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code cds.max-body-size}: a body over the limit is answered 413 whether its size is announced (Content-Length)
 * or only found while reading (chunked), on hook calls and feedback alike; a body under the limit still passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cds.max-body-size=2KB")
class RequestBodyLimitTest {

    private static final String PATIENT_VIEW = "/cds-services/lms-patient-view";

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    /** A valid patient-view call padded with an unknown field to about 10 KB. */
    private static String tenKilobytes() {
        ObjectNode request = patientView();
        request.put("padding", "x".repeat(10 * 1024));
        String body = request.toString();
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(10 * 1024, 11 * 1024);
        return body;
    }

    @Test
    void bodyUnderTheLimitIsAnswered() {
        String body = patientView().toString();
        assertThat(body.length()).isLessThan(2048);
        Answer answer = http.postJson(PATIENT_VIEW, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void bodyOverTheLimitWithContentLengthIs413() {
        Answer answer = http.postJson(PATIENT_VIEW, tenKilobytes());
        assertOperationOutcome(answer, 413, "larger than the limit", "2048 bytes");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        byte[] body = tenKilobytes().getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher streaming =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        assertThat(streaming.contentLength()).as("unknown length: sent chunked").isNegative();
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                .header("Content-Type", "application/json")
                .POST(streaming));
        assertOperationOutcome(answer, 413, "larger than the limit", "2048 bytes");
    }

    @Test
    void chunkedBodyUnderTheLimitIsAnswered() {
        byte[] body = patientView().toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher streaming =
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                .header("Content-Type", "application/json")
                .POST(streaming));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void feedbackOverTheLimitIs413() {
        String body = "{\"feedback\":[{\"card\":\"" + "c".repeat(10 * 1024)
                + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}";
        assertOperationOutcome(
                http.postJson("/cds-services/lms-order-sign/feedback", body), 413, "larger than the limit");
    }

    @Test
    void theServiceStillAnswersAfterRefusingALargeBody() {
        assertThat(http.postJson(PATIENT_VIEW, tenKilobytes()).status()).isEqualTo(413);
        Answer next = http.postJson(PATIENT_VIEW, patientView());
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }
}
