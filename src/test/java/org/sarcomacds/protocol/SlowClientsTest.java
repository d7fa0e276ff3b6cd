package org.sarcomacds.protocol;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.FixtureEhr;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.SlowClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Clients that stall or trickle their bodies do not starve the service: a normal call is answered while 120 of them
 * hold connections, each of them is cut off after {@code cds.capacity.body-timeout} with a 408, and readiness
 * reports the service OUT_OF_SERVICE only while its call turns are really saturated. The timeouts are lowered here so
 * the test is quick; the latency of the normal call is printed (docs/operations.md has the measurement).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cds.capacity.max-concurrent-calls=2",
            "cds.capacity.max-call-wait=20s",
            "cds.capacity.body-timeout=2s",
            "server.tomcat.connection-timeout=1s",
            "cds.fetch.deadline=10s",
            "cds.fetch.read-timeout=10s"
        })
class SlowClientsTest {

    static final String SERVICE = "/cds-services/lms-patient-view";
    static final Fixture FIXTURE = Fixture.all().stream()
            .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
            .findFirst()
            .orElseThrow();
    static final WireMockServer SLOW_EHR = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    private final List<SlowClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        SLOW_EHR.start();
    }

    @AfterAll
    static void stop() {
        SLOW_EHR.stop();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(SlowClient::close);
    }

    private HttpResponse<String> post(ObjectNode body) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ObjectNode normalCall() {
        ObjectNode call =
                ProtocolHttp.JSON.createObjectNode().put("hook", "patient-view").put("hookInstance", "normal-call");
        call.set("context", FIXTURE.context("patient-view").orElseThrow());
        ObjectNode prefetch =
                new FixtureEhr(SLOW_EHR, "token").serve(FIXTURE, new HookClient(port).templates("lms-patient-view"));
        call.set("prefetch", prefetch);
        return call;
    }

    @Test
    void aNormalCallIsAnsweredWhileAHundredAndTwentyClientsStallOrTrickle() throws Exception {
        ObjectNode call = normalCall();
        for (int i = 0; i < 120; i++) {
            clients.add(new SlowClient("127.0.0.1", port, SERVICE, i % 2 == 0));
        }
        Thread.sleep(300);

        long start = System.nanoTime();
        HttpResponse<String> answer = post(call);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("normal call answered in " + millis + " ms with 120 slow clients connected");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("LMS-TRABECTEDIN-NEXT-LINE");
        for (SlowClient client : clients) {
            assertThat(client.statusLine(15))
                    .as("a slow body is cut off, answered 408")
                    .startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void readinessIsOutOfServiceOnlyWhileTheCallTurnsAreSaturated() throws Exception {
        ObjectNode call = normalCall();
        ((ObjectNode) call.get("prefetch")).remove("conditions");
        call.put("fhirServer", "http://127.0.0.1:" + SLOW_EHR.port() + "/fhir");
        call.putObject("fhirAuthorization").put("access_token", "token").put("token_type", "Bearer");
        SLOW_EHR.stubFor(get(urlPathEqualTo("/fhir/Condition"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withFixedDelay(1500)
                        .withHeader("Content-Type", "application/fhir+json")
                        .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}")));
        assertThat(readiness()).as("ready before").isEqualTo(200);

        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> post(call)));
            }
            boolean sawOutOfService = false;
            for (int i = 0; i < 50 && !sawOutOfService; i++) {
                sawOutOfService = readiness() == 503;
                Thread.sleep(20);
            }
            assertThat(sawOutOfService)
                    .as("2 calls running and 2 waiting for their turn: not ready")
                    .isTrue();
            for (Future<HttpResponse<String>> answer : calls) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
            }
        }
        assertThat(readiness()).as("ready again once the calls are answered").isEqualTo(200);
    }

    private int readiness() throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
