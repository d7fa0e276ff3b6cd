package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.ProtocolHttp.orderSign;

import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * CORS with the demo default (any origin): the browser-based sandbox can preflight and call discovery, a service
 * and its feedback endpoint, sending the JWT in {@code Authorization}. The JDK client sets {@code Origin} as is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorsTest {

    static final String SANDBOX = "https://sandbox.cds-hooks.org";

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    static Answer preflight(ProtocolHttp http, String path, String origin, String method) {
        return ProtocolHttp.send(http.request(path)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    static List<String> headerList(Answer answer, String name) {
        return answer.headers().allValues(name).stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> v.trim().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty())
                .toList();
    }

    static void assertPreflightAllowed(Answer answer, String origin, String method) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        assertThat(answer.header("Access-Control-Allow-Origin"))
                .as("Access-Control-Allow-Origin")
                .isIn(origin, "*");
        assertThat(headerList(answer, "Access-Control-Allow-Headers"))
                .as("allowed headers")
                .contains("authorization", "content-type");
        assertThat(headerList(answer, "Access-Control-Allow-Methods"))
                .as("allowed methods")
                .contains(method.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cds-services", "/cds-services/lms-order-sign", "/cds-services/lms-order-sign/feedback"})
    void preflightForPostWithAuthorizationIsAllowed(String path) {
        assertPreflightAllowed(preflight(http, path, SANDBOX, "POST"), SANDBOX, "POST");
    }

    @Test
    void preflightForDiscoveryGetIsAllowed() {
        assertPreflightAllowed(preflight(http, "/cds-services", SANDBOX, "GET"), SANDBOX, "GET");
    }

    @Test
    void preflightIsAnsweredWithoutAnyRequestBodyOrAuthentication() {
        Answer answer = preflight(http, "/cds-services/lms-patient-view", SANDBOX, "POST");
        assertPreflightAllowed(answer, SANDBOX, "POST");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void actualPostToAServiceCarriesAllowOrigin() {
        Answer answer = ProtocolHttp.send(http.request("/cds-services/lms-order-sign")
                .header("Origin", SANDBOX)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer header.payload.signature")
                .POST(HttpRequest.BodyPublishers.ofString(orderSign().toString())));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isIn(SANDBOX, "*");
    }

    @Test
    void actualPostToFeedbackCarriesAllowOrigin() {
        String body = "{\"feedback\":[{\"card\":\"" + UUID.randomUUID()
                + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}";
        Answer answer = ProtocolHttp.send(http.request("/cds-services/lms-order-sign/feedback")
                .header("Origin", SANDBOX)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isIn(SANDBOX, "*");
    }

    @Test
    void errorAnswersAlsoCarryAllowOriginSoTheBrowserCanReadThem() {
        Answer answer = ProtocolHttp.send(http.request("/cds-services/lms-order-sign")
                .header("Origin", SANDBOX)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Access-Control-Allow-Origin")).isIn(SANDBOX, "*");
    }

    @Test
    void discoveryGetCarriesAllowOrigin() {
        Answer answer = ProtocolHttp.send(
                http.request("/cds-services").header("Origin", SANDBOX).GET());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isIn(SANDBOX, "*");
    }

    @Test
    void aCallWithoutOriginGetsNoCorsHeaders() {
        Answer answer = http.get("/cds-services");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }
}
