package org.sarcomacds.protocol;

import static org.sarcomacds.protocol.ProtocolHttp.assertOperationOutcome;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A request from an origin that is not allowed is refused with an OperationOutcome, not plain text. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.cors.allowed-origins=https://ehr.example.org")
class CorsRefusalTest {

    @LocalServerPort
    int port;

    @Test
    void refusedPreflightIsAnOperationOutcome() {
        ProtocolHttp http = new ProtocolHttp(port);
        assertOperationOutcome(
                CorsTest.preflight(http, "/cds-services/lms-order-sign", CorsTest.SANDBOX, "POST"), 403, "origin");
    }

    @Test
    void refusedActualCallIsAnOperationOutcome() {
        ProtocolHttp http = new ProtocolHttp(port);
        assertOperationOutcome(
                ProtocolHttp.send(http.request("/cds-services")
                        .header("Origin", CorsTest.SANDBOX)
                        .GET()),
                403,
                "origin");
    }
}
