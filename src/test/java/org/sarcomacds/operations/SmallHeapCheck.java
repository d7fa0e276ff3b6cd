package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.SocketFhirServer;
import org.sarcomacds.support.SocketFhirServer.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged jar as the container runs it, with a small heap ({@code -Xmx256m -XX:+ExitOnOutOfMemoryError}),
 * survives what used to end the process: hostile numbers in the prefetch, in the draft orders and in a FHIR server's
 * answer, and eight concurrent calls against a FHIR server that answers 9 MB to every search. Each call is answered
 * (cards, or a 412 or 503 with an OperationOutcome), the process is alive afterwards and answers a normal call.
 *
 * <p>A separate JVM is the point, so this is not one of verify's tests (its name is not a test name surefire picks
 * up): {@code .ci/run} runs it after verify has packaged the jar, {@code mvn surefire:test -Dtest=SmallHeapCheck}.
 * The service's log is {@code target/small-heap-check.log}.
 */
class SmallHeapCheck {

    /** The jar under test; {@code -Dsmall-heap.jar=…} points it at another build (to see an older one fail). */
    static final Path JAR = Path.of(System.getProperty("small-heap.jar", "target/sarcoma-cds.jar"));

    static final Path LOG = Path.of("target", "small-heap-check.log");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Fixture FIXTURE = Fixture.all().stream()
            .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
            .findFirst()
            .orElseThrow();
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    static final int NINE_MB = 9 * 1024 * 1024;
    static final Map<String, byte[]> NINE_MB_ANSWERS = new ConcurrentHashMap<>();
    static final SocketFhirServer HUGE =
            new SocketFhirServer(SocketFhirServer.Closes.NEVER).answering(SmallHeapCheck::nineMegabytes);
    static final SocketFhirServer HOSTILE = new SocketFhirServer(SocketFhirServer.Closes.NEVER)
            .answering(query -> new Answer(
                    200,
                    ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                                    + "{\"resourceType\":\"Condition\",\"clinicalStatus\":{\"coding\":"
                                    + "[{\"code\":1E999999999}]}}}]}")
                            .getBytes(StandardCharsets.UTF_8)));

    static Process service;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        assertThat(JAR).as("the packaged jar (failsafe runs after package)").exists();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        service = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        JAR.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:small-heap",
                        "--cds.clinical.as-of=2026-11-27")
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (get("/actuator/health/readiness") != 200) {
            assertThat(service.isAlive())
                    .as("the service started; its log: " + LOG)
                    .isTrue();
            assertThat(System.nanoTime()).as("ready within 3 minutes").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            service.waitFor();
        }
        HUGE.close();
        HOSTILE.close();
    }

    @Test
    void hostileNumbersAreRefusedAndTheProcessLives() throws Exception {
        ObjectNode prefetched = FIXTURE.call("patient-view");
        prefetched.putObject("prefetch").putObject("patient").put("resourceType", "@n@");
        assertThat(post("lms-patient-view", prefetched.toString().replace("\"@n@\"", "1E999999999")))
                .as("a huge exponent in the prefetch")
                .isEqualTo(400);

        ObjectNode drafted = FIXTURE.call("order-select");
        ((ObjectNode) drafted.path("context")
                        .path("draftOrders")
                        .path("entry")
                        .get(0)
                        .path("resource"))
                .put("status", "@n@");
        assertThat(post("lms-order-select", drafted.toString().replace("\"@n@\"", "1E999999999")))
                .as("a huge exponent in a draft order's status")
                .isEqualTo(400);

        ObjectNode fetching = FIXTURE.call("patient-view").put("fhirServer", HOSTILE.baseUrl());
        assertThat(post("lms-patient-view", fetching.toString()))
                .as("a huge exponent in the FHIR server's answer: the required Conditions could not be read")
                .isEqualTo(412);

        assertThat(service.isAlive())
                .as("alive after the hostile numbers; log: " + LOG)
                .isTrue();
        assertNormalCallAnswered();
    }

    @Test
    void eightConcurrentCallsAgainstNineMegabyteAnswersAreAnsweredAndTheProcessLives() throws Exception {
        String body =
                FIXTURE.call("patient-view").put("fhirServer", HUGE.baseUrl()).toString();
        Map<Integer, Integer> statuses = new TreeMap<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(clients.submit(() -> post("lms-patient-view", body)));
            }
            for (Future<Integer> call : calls) {
                statuses.merge(call.get(), 1, Integer::sum);
            }
        }
        System.out.println("8 calls against 9 MB answers under -Xmx256m: statuses " + statuses);

        assertThat(statuses.keySet()).as("cards, or a 412 or 503 that says why").isSubsetOf(200, 412, 503);
        assertThat(service.isAlive())
                .as("alive after 8 calls of 9 MB answers; log: " + LOG)
                .isTrue();
        assertNormalCallAnswered();
    }

    private static void assertNormalCallAnswered() throws Exception {
        ObjectNode call = FIXTURE.call("patient-view");
        ObjectNode prefetch = call.putObject("prefetch");
        for (String key : List.of("conditions", "medstatements", "medrequests")) {
            prefetch.putNull(key);
        }
        assertThat(post("lms-patient-view", call.toString())).isEqualTo(200);
    }

    /**
     * A searchset of about 9 MB of small resources of the type searched for (thousands of entries, the worst shape for
     * a JSON tree), the same bytes for every search of that type; a read answers a small Patient.
     */
    static Answer nineMegabytes(String query) {
        int q = query.indexOf('?');
        if (q < 0) {
            return new Answer(
                    200,
                    ("{\"resourceType\":\"Patient\",\"id\":\"" + FIXTURE.patientId() + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
        }
        return new Answer(200, NINE_MB_ANSWERS.computeIfAbsent(query.substring(0, q), SmallHeapCheck::searchset));
    }

    private static byte[] searchset(String type) {
        StringBuilder json = new StringBuilder(NINE_MB + 4096)
                .append("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; json.length() < NINE_MB; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"resource\":{\"resourceType\":\"")
                    .append(type)
                    .append("\",\"id\":\"r")
                    .append(i)
                    .append("\",\"status\":\"final\",\"subject\":{\"reference\":\"Patient/")
                    .append(FIXTURE.patientId())
                    .append("\"},\"code\":{\"coding\":[");
            for (int c = 0; c < 6; c++) {
                json.append(c == 0 ? "" : ",")
                        .append("{\"system\":\"http://example.org/codes\",\"code\":\"")
                        .append(i * 10 + c)
                        .append("\",\"display\":\"code ")
                        .append(c)
                        .append("\"}");
            }
            json.append("]}}}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int post(String service, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services/" + service))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            JsonNode outcome = JSON.readTree(answer.body());
            assertThat(outcome.path("resourceType").asString())
                    .as("a refusal is an OperationOutcome: " + answer.body())
                    .isEqualTo("OperationOutcome");
        }
        return answer.statusCode();
    }

    private static int get(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }
}
