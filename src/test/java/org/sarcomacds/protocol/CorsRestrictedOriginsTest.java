package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.CorsTest.SANDBOX;
import static org.sarcomacds.protocol.CorsTest.assertPreflightAllowed;
import static org.sarcomacds.protocol.CorsTest.preflight;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With {@code cds.cors.allowed-origins} set, only the listed origin may call from a browser. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.cors.allowed-origins=https://ehr.example.org")
class CorsRestrictedOriginsTest {

    private static final String EHR = "https://ehr.example.org";

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cds-services", "/cds-services/lms-order-sign", "/cds-services/lms-order-sign/feedback"})
    void preflightFromAnotherOriginIsRefused(String path) {
        Answer answer = preflight(http, path, SANDBOX, "POST");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cds-services", "/cds-services/lms-order-sign", "/cds-services/lms-order-sign/feedback"})
    void preflightFromTheListedOriginIsAllowed(String path) {
        Answer answer = preflight(http, path, EHR, "POST");
        assertPreflightAllowed(answer, EHR, "POST");
        assertThat(answer.header("Access-Control-Allow-Origin"))
                .as("the origin itself, not *")
                .isEqualTo(EHR);
    }

    @ParameterizedTest
    @ValueSource(strings = {SANDBOX, "https://ehr.example.org.evil.test", "http://ehr.example.org"})
    void actualCallFromAnotherOriginIsRefusedWithoutAllowOrigin(String origin) {
        Answer answer = ProtocolHttp.send(
                http.request("/cds-services").header("Origin", origin).GET());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void actualPostFromTheListedOriginCarriesAllowOrigin() {
        Answer answer = ProtocolHttp.send(http.request("/cds-services/lms-order-sign")
                .header("Origin", EHR)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ProtocolHttp.orderSign().toString())));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo(EHR);
    }

    @Test
    void serverToServerCallsWithoutOriginAreUnaffected() {
        assertThat(http.get("/cds-services").status()).isEqualTo(200);
    }
}
