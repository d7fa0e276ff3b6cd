package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.SocketFhirServer;
import org.sarcomacds.support.SocketFhirServer.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The fetcher as the record stage uses it: HAPI's client over the guarded OkHttp client, against a bare-socket FHIR
 * server whose answers the test writes byte by byte (in the context the other record tests share). Whatever HAPI, OkHttp or the checks before HAPI's parser throw,
 * the fetcher fails with a {@link FetchException} that says what was wrong in the client's terms, never a library's
 * class, setting or message code; and a fetch never outlives its deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FhirFetcherTest {

    private static final String[] LIBRARY_WORDS = {
        "HAPI-", "Exception", "ca.uhn", "okhttp", "jackson", "java.", "StreamReadConstraints", "`"
    };

    @Autowired
    FhirFetcher fetcher;

    private final List<FetchCall> calls = new ArrayList<>();

    /** A hook call's fetches due in {@code seconds}; its bytes go back to the shared budget after the test. */
    private FetchCall inSeconds(int seconds) {
        return within(System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
    }

    private FetchCall within(long deadline) {
        FetchCall call = fetcher.call(deadline);
        calls.add(call);
        return call;
    }

    @AfterEach
    void endCalls() {
        calls.forEach(FetchCall::close);
    }

    private static Answer text(int status, String body) {
        return new Answer(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The message of the fetch failure against a server that answers every request with {@code answer}. */
    private String failure(Function<String, Answer> answers, String query) {
        try (SocketFhirServer ehr = new SocketFhirServer(SocketFhirServer.Closes.NEVER).answering(answers)) {
            FhirEndpoint endpoint = new FhirEndpoint(ehr.baseUrl(), "secret-token");
            Throwable thrown = catchThrowable(() -> fetcher.fetch(endpoint, query, false, inSeconds(3)));
            assertThat(thrown).isInstanceOf(FetchException.class);
            assertThat(thrown.getMessage()).doesNotContain(LIBRARY_WORDS).doesNotContain("secret-token");
            return thrown.getMessage();
        }
    }

    @Test
    void everyRefusalIsAFetchExceptionInTheClientsTerms() {
        String[][] cases = {
            // checked before HAPI's parser sees the answer
            {
                "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"valueQuantity\":{\"value\":1E100},"
                        + "\"resourceType\":\"Observation\"}}]}",
                "the FHIR server's answer breaks a limit: a number is longer than 100 characters written out in full"
            },
            {
                "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"status\":5,\"resourceType\":\"Observation\"}}]}",
                "the FHIR server's answer is not FHIR R4: 'Observation.status' is a number, where FHIR has text"
            },
            {"{\"resourceType\":\"Bundle\",\"entry\":[", "the FHIR server's answer is not valid JSON"},
            {"[{\"resourceType\":\"Bundle\"}]", "the FHIR server's answer is not FHIR R4: it is not a JSON object"},
            {
                "<Bundle xmlns=\"http://hl7.org/fhir\"/>",
                "the FHIR server's answer is not FHIR R4: it is not a JSON object"
            },
            {"", "the FHIR server's answer is not FHIR R4: it is not a JSON object"},
            // HAPI's parser refusing what passed the checks
            {
                "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\"}]}",
                "the FHIR server's answer is not FHIR R4: Incorrect resource type found, expected \"Bundle\""
            },
            {"{\"resourceType\":\"NoSuchThing\"}", "the FHIR server's answer is not FHIR R4"}
        };
        for (String[] c : cases) {
            assertThat(failure(query -> text(200, c[0]), "Observation?patient=p1"))
                    .as(c[0])
                    .startsWith(c[1]);
        }
    }

    @Test
    void aServerErrorIsItsStatusAndANonExistentResourceIsNothing() {
        assertThat(failure(query -> text(500, "{\"resourceType\":\"OperationOutcome\"}"), "Condition?patient=p1"))
                .isEqualTo("the FHIR server answered HTTP 500");
        assertThat(failure(query -> text(302, ""), "Condition?patient=p1"))
                .as("redirects are not followed")
                .isEqualTo("the FHIR server answered HTTP 302");
        try (SocketFhirServer ehr = new SocketFhirServer(SocketFhirServer.Closes.NEVER)
                .answering(query -> text(404, "{\"resourceType\":\"OperationOutcome\"}"))) {
            assertThat(fetcher.read(new FhirEndpoint(ehr.baseUrl(), null), "Medication/x", inSeconds(3))
                            .resources())
                    .isEmpty();
        }
    }

    @Test
    void aServerThatIsNotThereIsAConnectionRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        FhirEndpoint endpoint = new FhirEndpoint("http://127.0.0.1:" + closed + "/fhir", null);

        assertThatThrownBy(() -> fetcher.fetch(endpoint, "Condition?patient=p1", false, inSeconds(3)))
                .isInstanceOf(FetchException.class)
                .hasMessage("the FHIR server refused the connection");
    }

    @Test
    void aSlowServerIsLeftAtTheDeadline() {
        Function<String, Answer> slow = query -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text(200, "{\"resourceType\":\"Bundle\"}");
        };
        try (SocketFhirServer ehr = new SocketFhirServer(SocketFhirServer.Closes.NEVER).answering(slow)) {
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MILLISECONDS.toNanos(300);

            assertThatThrownBy(() -> fetcher.fetch(
                            new FhirEndpoint(ehr.baseUrl(), null), "Condition?patient=p1", false, within(deadline)))
                    .isInstanceOf(FetchException.class)
                    .hasMessage("the FHIR server did not answer in time");
            // a bound, not a benchmark: the server would take 5 s, the read timeout is 2 s, the deadline 0.3 s
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(1_500));
        }
    }

    @Test
    void aNextLinkThatLeavesTheBaseByItsSpellingIsNotFollowed() {
        String[] outside = {"/fhir/../admin/Condition?patient=p1", "/fhir-other/Condition?patient=p1"};
        for (String path : outside) {
            try (SocketFhirServer ehr = new SocketFhirServer(SocketFhirServer.Closes.NEVER)) {
                String origin = ehr.baseUrl().substring(0, ehr.baseUrl().length() - "/fhir".length());
                ehr.answering(query -> text(
                        200,
                        "{\"resourceType\":\"Bundle\",\"link\":[{\"relation\":\"next\",\"url\":\"" + origin + path
                                + "\"}],\"entry\":[]}"));

                assertThatThrownBy(() -> fetcher.fetch(
                                new FhirEndpoint(ehr.baseUrl(), "secret-token"),
                                "Condition?patient=p1",
                                false,
                                inSeconds(3)))
                        .as(path)
                        .isInstanceOf(FetchException.class)
                        .hasMessage("a next-page link of the FHIR server points outside it");
                assertThat(ehr.requests())
                        .as(path + ": only the first page was asked for")
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void anAnswerHapiCanReadIsReadInFull() {
        String page = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
                + "\"valueQuantity\":{\"value\":1.5E+3,\"unit\":\"mL\"}}}]}";
        try (SocketFhirServer ehr =
                new SocketFhirServer(SocketFhirServer.Closes.NEVER).answering(query -> text(200, page))) {
            Fetched fetched =
                    fetcher.fetch(new FhirEndpoint(ehr.baseUrl(), null), "Observation?patient=p1", false, inSeconds(3));

            Observation observation = (Observation) fetched.resources().getFirst();
            assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo("1500");
            assertThat(observation.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
            assertThat(fetched.cutShort()).isNull();
        }
    }
}
