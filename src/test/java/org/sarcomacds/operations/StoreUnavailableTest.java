package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.feedback.FeedbackStore;
import org.sarcomacds.feedback.IssuedCardWriter;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * With the database down: feedback is never answered 200 (503, so the client sends it again), and the cards of a
 * hook call still reach the clinician. Both failures are counted. A value the database refuses is a 400: sending it
 * again would not help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreUnavailableTest {

    @LocalServerPort
    int port;

    @MockitoBean
    FeedbackStore store;

    @Autowired
    IssuedCardWriter issuedCards;

    @BeforeEach
    void databaseDown() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("connection refused");
        doThrow(down).when(store).recordIssued(any());
        when(store.recordFeedback(anyString(), any())).thenThrow(down);
    }

    @Test
    void feedbackIs503NotA200() {
        HookClient.Reply reply = new HookClient(port)
                .post(
                        "/cds-services/lms-patient-view/feedback",
                        "{\"feedback\":[{\"card\":\"c-1\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        assertThat(reply.json().path("issue").path(0).path("diagnostics").asString())
                .contains("send it again");
        assertThat(new HookClient(port).get("/actuator/prometheus").body())
                .containsPattern("cds_store_failures_total\\{operation=\"feedback\"} [1-9]");
    }

    @Test
    void aValueTheDatabaseRefusesIs400Not503() {
        doThrow(new DataIntegrityViolationException("invalid byte sequence for encoding UTF8: 0x00"))
                .when(store)
                .recordFeedback(anyString(), any());
        HookClient.Reply reply = new HookClient(port)
                .post(
                        "/cds-services/lms-patient-view/feedback",
                        "{\"feedback\":[{\"card\":\"c-1\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}");
        assertThat(reply.status()).as("sending it again cannot help").isEqualTo(400);
        assertThat(reply.json().path("issue").path(0).path("diagnostics").asString())
                .contains("feedback[0]", "cannot keep");
    }

    @Test
    void theCardsStillGoOutWhenTheyCannotBeStored() {
        HookClient client = new HookClient(port);
        HookClient.Reply reply = client.post(
                "/cds-services/lms-patient-view", Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json")));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(RestartScenario.cardOf(reply.json(), "LMS-TRABECTEDIN-NEXT-LINE"))
                .isNotBlank();
        issuedCards.flush(); // the write, and its failure, happen off the hook call's thread
        assertThat(client.get("/actuator/prometheus").body())
                .containsPattern("cds_store_failures_total\\{operation=\"issued\"} [1-9]");
    }
}
