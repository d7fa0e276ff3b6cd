package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.sarcomacds.support.FileClient;
import org.sarcomacds.support.Fixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The feedback rate limit through the whole service with JWT on: counted per authenticated issuer (two requests at
 * once here, then one a minute), a 429 with {@code Retry-After} and an OperationOutcome beyond it, other clients and
 * hook calls unaffected, and requests refused by authentication never counted against anyone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cds.security.require-jwt=true",
            "cds.public-base-url=" + FeedbackRateLimitTest.BASE,
            "cds.feedback.rate-limit.requests-per-minute=1",
            "cds.feedback.rate-limit.burst=2"
        })
class FeedbackRateLimitTest {

    static final String BASE = "https://cds.test";
    private static final String SERVICE = "/cds-services/lms-patient-view";
    private static final String FEEDBACK = SERVICE + "/feedback";
    private static final Path KEYS =
            Path.of("target", "rate-limit-test", UUID.randomUUID().toString());
    static final FileClient EHR_A = new FileClient(KEYS, "https://ehr-a.test");
    static final FileClient EHR_B = new FileClient(KEYS, "https://ehr-b.test");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        for (FileClient client : new FileClient[] {EHR_A, EHR_B}) {
            int index = client == EHR_A ? 0 : 1;
            client.settings(index).forEach(setting -> {
                String[] pair = setting.split("=", 2);
                registry.add(pair[0], () -> pair[1]);
            });
        }
    }

    private Answer feedback(FileClient client) {
        String body = "{\"feedback\":[{\"card\":\"" + UUID.randomUUID()
                + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"" + Instant.now() + "\"}]}";
        return ProtocolHttp.send(new ProtocolHttp(port)
                .request(FEEDBACK)
                .header("Content-Type", "application/json")
                .header("Authorization", client.bearer(BASE, FEEDBACK))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aClientBeyondItsLimitGets429AndOtherClientsAndHookCallsDoNot() {
        for (int i = 0; i < 5; i++) {
            Answer unauthenticated = new ProtocolHttp(port).postJson(FEEDBACK, "{\"feedback\":[]}");
            assertThat(unauthenticated.status()).isEqualTo(401);
            assertThat(unauthenticated.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(feedback(EHR_A).status())
                .as("not counted: the five refused requests")
                .isEqualTo(200);
        assertThat(feedback(EHR_A).status()).isEqualTo(200);

        Answer refused = feedback(EHR_A);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.contentType()).startsWith("application/fhir+json");
        JsonNode issue = refused.json().path("issue").path(0);
        assertThat(issue.path("code").asString()).isEqualTo("throttled");
        assertThat(issue.path("diagnostics").asString()).contains("Too many feedback requests");

        assertThat(feedback(EHR_B).status())
                .as("another client has its own allowance")
                .isEqualTo(200);
        Answer hook = ProtocolHttp.send(new ProtocolHttp(port)
                .request(SERVICE)
                .header("Content-Type", "application/json")
                .header("Authorization", EHR_A.bearer(BASE, SERVICE))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json"))
                                .toString())));
        assertThat(hook.status()).as("hook calls are not limited").isEqualTo(200);
    }
}
