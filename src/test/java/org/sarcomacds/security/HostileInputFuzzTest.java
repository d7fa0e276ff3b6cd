package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.security.TrustedEhr.ISSUER;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sarcomacds.demo.InMemoryFhir;
import org.sarcomacds.protocol.InProcessCalls;
import org.sarcomacds.support.SocketFhirServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ContainerNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tens of thousands of mutated and random requests, seeded so a failure can be replayed: structure-aware mutations
 * of real hook calls, hostile numbers (huge exponents, NaN-like tokens, long digit strings) put into the prefetch, the
 * draft orders and the answers of the FHIR server the calls fetch from, byte-level damage, random bodies, and broken
 * headers and tokens, against every endpoint. Every answer must be 2xx or 4xx, and afterwards the service must answer
 * a normal call normally.
 *
 * <p>Most requests go through the service's own stages in this process ({@link InProcessCalls}: body reader, parser,
 * record with its FHIR fetches over loopback, facts, rules, cards), which is a hundred times cheaper than HTTP; every
 * {@code fuzz.http-every}-th goes over HTTP with a JWT (valid or broken), so methods, headers, tokens and the web
 * layer are fuzzed too. Defaults: 1,000 requests, one in 20 over HTTP, in verify; {@code .ci/run} runs it again
 * with 20,000 ({@code mvn surefire:test -Dtest=HostileInputFuzzTest -Dfuzz.requests=20000}). {@code -Dfuzz.seed=N}
 * replays a run. The count is printed and written to {@code target/fuzz-count.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputFuzzTest {

    static final TrustedEhr CLIENT = new TrustedEhr();
    /** The EHR the calls fetch from: the fixture's answers, or the mutated answer of the current request. */
    static final SocketFhirServer EHR = new SocketFhirServer(SocketFhirServer.Closes.NEVER);

    static final List<String> SERVICES = List.of("lms-patient-view", "lms-order-select", "lms-order-sign");
    static final List<String> METHODS =
            List.of("POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "HEAD");
    static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json",
            "application/json",
            "application/fhir+json",
            "application/json; charset=UTF-8",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/json; charset=nonsense",
            "*/*",
            "application/",
            ";;",
            "multipart/form-data; boundary=x");
    /** Numbers no FHIR value needs, and tokens that look like numbers and are not JSON. */
    static final List<String> HOSTILE_NUMBERS = List.of(
            "1E999999999",
            "-1E999999999",
            "1e-999999999",
            "0E+2147483647",
            "1E2147483647",
            "1E1001",
            "1E1000",
            "1e309",
            "-1e-400",
            "NaN",
            "-Infinity",
            "Infinity",
            "+1",
            "01",
            "1.",
            ".5",
            "1e",
            "--1",
            "0x1F",
            "9".repeat(101),
            "9".repeat(100),
            "1" + "0".repeat(20_000),
            "0." + "0".repeat(99) + "1",
            "123456789012345678901234567890.123456789",
            "-0",
            "5",
            "12574");
    /** A placeholder in a mutated tree where a hostile number is written into the text. */
    static final String NUMBER_PLACE = "\"@number@\"";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static final Map<String, String> TEMPLATES = TrustedEhr.patientViewTemplates();

    /** What the EHR answers while the current request runs; null: the fixture's own answers. */
    private static volatile byte[] ehrAnswer;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void client(DynamicPropertyRegistry registry) {
        registry.add("cds.security.require-jwt", () -> "true");
        registry.add("cds.public-base-url", () -> TrustedEhr.BASE);
        registry.add("cds.security.clients[0].issuer", () -> ISSUER);
        registry.add("cds.security.clients[0].jwks-url", CLIENT::jwksUrl);
        registry.add("cds.security.clients[0].fhir-servers[0]", EHR::baseUrl);
    }

    @AfterAll
    static void stop() {
        EHR.close();
        CLIENT.keys.stop();
    }

    /** One fuzzed request: where it goes, with what body, and what the EHR answers meanwhile (null: the fixture). */
    private record Case(String path, String method, String body, byte[] ehrAnswer) {}

    @Test
    void hostileRequestsGetOnly2xxOr4xxAndTheServiceKeepsWorking() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261127L);
        int requests = Integer.getInteger("fuzz.requests", 1_000);
        int httpEvery = Integer.getInteger("fuzz.http-every", 20);
        Random random = new Random(seed);
        InMemoryFhir fixture = new InMemoryFhir(TrustedEhr.FIXTURE.record());
        EHR.answering(query -> ehrAnswer != null
                ? new SocketFhirServer.Answer(200, ehrAnswer)
                : fixture.answer(query, EHR.baseUrl())
                        .map(SocketFhirServer.Answer::json)
                        .orElse(new SocketFhirServer.Answer(404, new byte[0])));
        InProcessCalls inProcess = new InProcessCalls(context);
        AuthenticatedClient client = new AuthenticatedClient(ISSUER, null, List.of(EHR.baseUrl()));
        List<ObjectNode> seeds = seeds(fixture);
        List<String> failures = new ArrayList<>();
        int[] byClass = new int[6];
        int overHttp = 0;
        long start = System.nanoTime();

        for (int i = 0; i < requests && failures.size() < 5; i++) {
            boolean http = i % httpEvery == 0;
            Case c = nextCase(random, seeds, fixture, http);
            ehrAnswer = c.ehrAnswer();
            int status;
            try {
                status = http ? overHttp(random, c) : inProcess(inProcess, client, c);
            } catch (IOException | RuntimeException | Error e) {
                failures.add("#" + i + " " + c.method() + " " + c.path() + ": " + e + " body=" + abbreviate(c.body())
                        + answerNote(c));
                continue;
            }
            overHttp += http ? 1 : 0;
            byClass[status / 100]++;
            if (status >= 500 || status < 200) {
                failures.add("#" + i + " " + c.method() + " " + c.path() + " -> " + status + " body="
                        + abbreviate(c.body()) + answerNote(c));
            }
        }
        ehrAnswer = null;

        String count = "hostile-input fuzz: " + (byClass[2] + byClass[4] + failures.size()) + " requests (" + overHttp
                + " over HTTP) in " + (System.nanoTime() - start) / 1_000_000_000 + " s, seed " + seed
                + "; answers 2xx="
                + byClass[2] + " 4xx=" + byClass[4];
        System.out.println(count);
        Files.writeString(Path.of("target", "fuzz-count.txt"), count + System.lineSeparator());
        assertThat(failures).as(count).isEmpty();
        assertThat(byClass[2])
                .as("some mutated calls still got through to an answer")
                .isPositive();
        assertThat(byClass[4]).isPositive();
        String normal =
                seeds.get(0).deepCopy().put("hookInstance", "after-fuzz").toString();
        HttpResponse<String> after = HTTP.send(
                request(random, "/cds-services/lms-patient-view", "POST", normal, true),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(after.body()).contains("LMS-TRABECTEDIN-NEXT-LINE");
    }

    private static String answerNote(Case c) {
        return c.ehrAnswer() == null
                ? ""
                : " ehrAnswer=" + abbreviate(new String(c.ehrAnswer(), StandardCharsets.UTF_8));
    }

    private int overHttp(Random random, Case c) throws IOException, InterruptedException {
        return HTTP.send(request(random, c.path(), c.method(), c.body()), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The endpoints only take POSTs with a JSON body; other methods and headers are the web layer's, fuzzed over HTTP. */
    private static int inProcess(InProcessCalls calls, AuthenticatedClient client, Case c) {
        String[] parts = c.path().split("/");
        boolean hookOrFeedback = c.method().equals("POST")
                && c.path().startsWith("/cds-services/")
                && parts.length >= 3
                && parts.length <= 4;
        if (!hookOrFeedback || (parts.length == 4 && !parts[3].equals("feedback"))) {
            return 404;
        }
        return calls.post(parts[2], parts.length == 4, c.body().getBytes(StandardCharsets.UTF_8), client);
    }

    /**
     * The next request: mostly a mutated seed meant for its endpoint; a fifth of the hook calls fetch part of their
     * record from the EHR while it answers a mutated Bundle.
     */
    private Case nextCase(Random random, List<ObjectNode> seeds, InMemoryFhir fixture, boolean http) {
        String path = http ? path(random) : inProcessPath(random);
        String method = http ? pick(random, METHODS) : "POST";
        boolean hookCall =
                path.startsWith("/cds-services/") && SERVICES.contains(path.substring("/cds-services/".length()));
        if (!hookCall || random.nextInt(5) != 0) {
            return new Case(path, method, body(random, seedsFor(random, path, seeds)), null);
        }
        ObjectNode call = seedsFor(random, path, seeds).get(0).deepCopy();
        ObjectNode prefetch = (ObjectNode) call.get("prefetch");
        List<String> keys = new ArrayList<>(prefetch.propertyNames());
        String fetched = pick(random, keys);
        for (int i = random.nextInt(3); i >= 0; i--) {
            prefetch.remove(i == 0 ? fetched : pick(random, keys));
        }
        String query = TEMPLATES
                .getOrDefault(fetched, "Condition?patient={{context.patientId}}")
                .replace("{{context.patientId}}", TrustedEhr.FIXTURE.patientId());
        ObjectNode answer = (ObjectNode) fixture.answer(query, EHR.baseUrl())
                .orElse(JSON.createObjectNode().put("resourceType", "Bundle"))
                .deepCopy();
        for (int m = 1 + random.nextInt(3); m > 0; m--) {
            mutate(random, answer);
        }
        return new Case(
                path,
                method,
                call.toString(),
                withNumbers(random, answer.toString()).getBytes(StandardCharsets.UTF_8));
    }

    private static String inProcessPath(Random random) {
        int r = random.nextInt(10);
        return r == 0
                ? "/cds-services/" + pick(random, SERVICES) + "/feedback"
                : r == 1 ? "/cds-services/unknown" : "/cds-services/" + pick(random, SERVICES);
    }

    /**
     * Real calls for every service: the fixture patient with its whole prefetch (so a call fetches only what a
     * mutation removed) and the trusted EHR as its FHIR server, and the sandbox's own calls.
     */
    private List<ObjectNode> seeds(InMemoryFhir fixture) throws IOException {
        List<ObjectNode> seeds = new ArrayList<>();
        for (String hook : List.of("patient-view", "order-select", "order-sign")) {
            ObjectNode call = TrustedEhr.patientView(EHR.baseUrl()).put("hook", hook);
            call.set("context", TrustedEhr.FIXTURE.context(hook).orElseThrow().deepCopy());
            ObjectNode prefetch = call.putObject("prefetch");
            for (Map.Entry<String, String> template : TEMPLATES.entrySet()) {
                String query = template.getValue().replace("{{context.patientId}}", TrustedEhr.FIXTURE.patientId());
                prefetch.set(
                        template.getKey(), fixture.answer(query, EHR.baseUrl()).orElse(null));
            }
            seeds.add(call);
        }
        for (String file : List.of("sandbox-patient-view-request.json", "sandbox-order-select-request.json")) {
            seeds.add(
                    (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/sandbox-requests", file))));
        }
        ObjectNode feedback = JSON.createObjectNode();
        feedback.putArray("feedback")
                .addObject()
                .put("card", "9d4f2c1e-0000-4000-8000-000000000001")
                .put("outcome", "overridden")
                .put("outcomeTimestamp", "2026-11-27T10:00:00Z");
        seeds.add(feedback);
        return seeds;
    }

    /** Mostly the seeds meant for the endpoint (so mutations reach deep), sometimes any. */
    private static List<ObjectNode> seedsFor(Random random, String path, List<ObjectNode> seeds) {
        if (random.nextInt(5) == 0) {
            return seeds;
        }
        if (path.endsWith("/feedback")) {
            return seeds.subList(5, 6);
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            if (path.endsWith("/" + SERVICES.get(i))) {
                return i == 0
                        ? List.of(seeds.get(0), seeds.get(3))
                        : i == 1 ? List.of(seeds.get(1), seeds.get(4)) : seeds.subList(2, 3);
            }
        }
        return seeds;
    }

    private static String path(Random random) {
        int r = random.nextInt(20);
        if (r < 2) {
            return "/cds-services";
        }
        if (r < 4) {
            return "/cds-services/" + pick(random, SERVICES) + "/feedback";
        }
        if (r == 4) {
            return pick(
                    random,
                    List.of(
                            "/cds-services/unknown",
                            "/cds-services/%2e%2e/x",
                            "/",
                            "/error",
                            "/cds-services/lms-patient-view/feedback/x",
                            "/cds-services//lms-patient-view",
                            "/cds-services/a%00b"));
        }
        return "/cds-services/" + pick(random, SERVICES);
    }

    private HttpRequest request(Random random, String path, String method, String body) {
        return request(random, path, method, body, random.nextInt(100) < 85);
    }

    private HttpRequest request(Random random, String path, String method, String body, boolean validToken) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15));
        if (validToken || random.nextInt(4) != 0) {
            builder.header("Content-Type", validToken ? "application/json" : pick(random, CONTENT_TYPES));
        }
        String authorization =
                validToken ? CLIENT.bearer(ISSUER, path.replaceAll("[?#].*", "")) : hostileAuthorization(random, path);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (random.nextInt(10) == 0) {
            builder.header(
                    "Accept", pick(random, List.of("text/html", "application/xml", "*/*", "application/fhir+json")));
        }
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE");
        return builder.method(
                        method,
                        hasBody ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private String hostileAuthorization(Random random, String path) {
        String valid = CLIENT.bearer(ISSUER, path);
        switch (random.nextInt(8)) {
            case 0:
                return null;
            case 1:
                return "Bearer " + randomText(random, random.nextInt(200), true);
            case 2:
                char[] chars = valid.toCharArray();
                int at = 7 + random.nextInt(chars.length - 7);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                return new String(chars);
            case 3:
                return CLIENT.bearer(ISSUER, "/cds-services/elsewhere");
            case 4:
                return CLIENT.bearer("https://stranger.test", path);
            case 5:
                String[] parts = valid.substring(7).split("\\.");
                return "Bearer " + parts[0] + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(randomText(random, 100, false).getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2];
            case 6:
                return "Basic " + Base64.getEncoder().encodeToString("user:pass".getBytes(StandardCharsets.UTF_8));
            default:
                return "Bearer " + valid.substring(7, 7 + random.nextInt(valid.length() - 7));
        }
    }

    private String body(Random random, List<ObjectNode> seeds) {
        int r = random.nextInt(100);
        if (r < 45) {
            ObjectNode tree = seeds.get(random.nextInt(seeds.size())).deepCopy();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutate(random, tree);
            }
            return withNumbers(random, tree.toString());
        }
        if (r < 65) {
            return numberInPlace(random, seeds.get(random.nextInt(seeds.size())).deepCopy());
        }
        if (r < 85) {
            byte[] bytes = seeds.get(random.nextInt(seeds.size())).toString().getBytes(StandardCharsets.UTF_8);
            return damage(random, bytes);
        }
        if (r < 95) {
            return randomJson(random, 0).toString();
        }
        return randomText(random, random.nextInt(2000), false);
    }

    /** Replaces, removes or adds one node somewhere in the tree. */
    private void mutate(Random random, ContainerNode<?> root) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        ContainerNode<?> target = containers.get(random.nextInt(containers.size()));
        JsonNode replacement = random.nextInt(5) == 0 ? randomJson(random, 0) : randomScalarOrShape(random);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            if (names.isEmpty() || random.nextInt(6) == 0) {
                object.set(
                        pick(
                                random,
                                List.of(
                                        "hook",
                                        "context",
                                        "prefetch",
                                        "fhirServer",
                                        "fhirAuthorization",
                                        "patientId",
                                        "draftOrders",
                                        "resourceType",
                                        "entry",
                                        "x" + random.nextInt(9))),
                        replacement);
            } else if (random.nextInt(4) == 0) {
                object.remove(pick(random, names));
            } else {
                object.set(pick(random, names), replacement);
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(3) == 0) {
                array.add(replacement);
            } else {
                array.set(random.nextInt(array.size()), replacement);
            }
        }
    }

    /**
     * A hostile number in place of one value of the call, where it hurts most: inside the prefetch or the draft
     * orders when the call has them (a string where FHIR has text, a number where it has a number).
     */
    private String numberInPlace(Random random, ObjectNode call) {
        JsonNode target = random.nextBoolean() && call.path("context").has("draftOrders")
                ? call.path("context").path("draftOrders")
                : call.has("prefetch") ? call.path("prefetch") : call;
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(target, containers);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            ContainerNode<?> container = containers.get(random.nextInt(containers.size()));
            if (container instanceof ObjectNode object && !object.isEmpty()) {
                object.put(pick(random, new ArrayList<>(object.propertyNames())), "@number@");
            } else if (container instanceof ArrayNode array && !array.isEmpty()) {
                array.set(random.nextInt(array.size()), JSON.getNodeFactory().stringNode("@number@"));
            }
        }
        return withNumbers(random, call.toString());
    }

    /** The text with each number placeholder replaced by a hostile number, written as it is. */
    private static String withNumbers(Random random, String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int at = text.indexOf(NUMBER_PLACE); at >= 0; at = text.indexOf(NUMBER_PLACE, from)) {
            out.append(text, from, at).append(pick(random, HOSTILE_NUMBERS));
            from = at + NUMBER_PLACE.length();
        }
        return out.append(text, from, text.length()).toString();
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> into) {
        if (node instanceof ContainerNode<?> container) {
            into.add(container);
            node.forEach(child -> collect(child, into));
        }
    }

    private JsonNode randomScalarOrShape(Random random) {
        switch (random.nextInt(16)) {
            case 14:
            case 15:
                return JSON.getNodeFactory().stringNode("@number@");
            case 0:
                return JSON.nullNode();
            case 1:
                return JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 2:
                return JSON.getNodeFactory().numberNode(random.nextLong());
            case 3:
                return JSON.getNodeFactory().numberNode(random.nextDouble() * 1e300);
            case 4:
                return JSON.getNodeFactory().stringNode("");
            case 5:
                return JSON.getNodeFactory().stringNode(randomText(random, random.nextInt(50), false));
            case 6:
                return JSON.getNodeFactory().stringNode("x".repeat(2000 + random.nextInt(20_000)));
            case 7:
                return JSON.createObjectNode();
            case 8:
                return JSON.createArrayNode();
            case 9:
                return deep(random.nextInt(80));
            case 10:
                return JSON.getNodeFactory()
                        .stringNode(pick(
                                random,
                                List.of(
                                        "Patient/other",
                                        "#",
                                        "Medication/",
                                        "http://169.254.169.254/latest",
                                        "MedicationRequest/../../x",
                                        "Condition?patient=x&_count=100000",
                                        "{{context.patientId}}",
                                        "urn:uuid:x",
                                        "2026-02-30T25:61:00Z",
                                        "\u0000\u202e")));
            case 11:
                return JSON.createObjectNode()
                        .put(
                                "resourceType",
                                pick(
                                        random,
                                        List.of(
                                                "Bundle",
                                                "OperationOutcome",
                                                "MedicationOrder",
                                                "Condition",
                                                "Nope",
                                                "Medication",
                                                "MedicationRequest")));
            case 12: {
                ObjectNode bundle =
                        JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
                ArrayNode entries = bundle.putArray("entry");
                for (int i = random.nextInt(5); i > 0; i--) {
                    entries.addObject().set("resource", randomScalarOrShape(random));
                }
                bundle.putArray("link").addObject().put("relation", "next").put("url", randomText(random, 30, false));
                return bundle;
            }
            default:
                return JSON.getNodeFactory().numberNode(random.nextInt());
        }
    }

    private JsonNode randomJson(Random random, int depth) {
        if (depth > 4 || random.nextInt(3) == 0) {
            return randomScalarOrShape(random);
        }
        if (random.nextBoolean()) {
            ObjectNode object = JSON.createObjectNode();
            for (int i = random.nextInt(6); i > 0; i--) {
                object.set(randomText(random, random.nextInt(12), false), randomJson(random, depth + 1));
            }
            return object;
        }
        ArrayNode array = JSON.createArrayNode();
        for (int i = random.nextInt(6); i > 0; i--) {
            array.add(randomJson(random, depth + 1));
        }
        return array;
    }

    private static JsonNode deep(int depth) {
        JsonNode node = JSON.createObjectNode().put("leaf", true);
        for (int i = 0; i < depth; i++) {
            ArrayNode wrapper = JSON.createArrayNode();
            wrapper.add(node);
            node = wrapper;
        }
        return node;
    }

    /** Flips, cuts, duplicates or inserts bytes of a serialised call. */
    private static String damage(Random random, byte[] bytes) {
        byte[] copy = bytes.clone();
        switch (random.nextInt(4)) {
            case 0:
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return new String(copy, StandardCharsets.ISO_8859_1);
            case 1:
                return new String(copy, 0, random.nextInt(copy.length), StandardCharsets.UTF_8);
            case 2:
                int from = random.nextInt(copy.length);
                int to = from + random.nextInt(copy.length - from);
                String text = new String(copy, StandardCharsets.UTF_8);
                return text.substring(0, to)
                        + text.substring(from, Math.min(text.length(), to + 1 + random.nextInt(500)))
                        + text.substring(to);
            default:
                String s = new String(copy, StandardCharsets.UTF_8);
                int at = random.nextInt(s.length());
                return s.substring(0, at)
                        + pick(
                                random,
                                List.of(
                                        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u12", "\u0000", "NaN", "1e99999",
                                        "-", "null,"))
                        + s.substring(at);
        }
    }

    private static String randomText(Random random, int length, boolean ascii) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    ascii
                            ? (char) (0x21 + random.nextInt(0x5e))
                            : (char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
