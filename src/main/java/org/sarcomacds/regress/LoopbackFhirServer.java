package org.sarcomacds.regress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.sarcomacds.demo.InMemoryFhir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The EHR's FHIR server for the fetch mode: a read-only FHIR R4 server on 127.0.0.1 (the JDK's HTTP server, no
 * test library) that serves one scenario's record per session at {@code http://127.0.0.1:<port>/<session>/fhir},
 * with the demo's {@link InMemoryFhir} answering the reads and the searches the prefetch templates make. Every
 * request must carry the run's Bearer token; each is logged with its status, so a request the fixture server had to
 * refuse (no token, a search it does not implement) is reported as a difference rather than passing silently.
 */
final class LoopbackFhirServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String token = "regress-" + UUID.randomUUID();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionCount = new AtomicInteger();

    LoopbackFhirServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the fixture FHIR server on 127.0.0.1", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String token() {
        return token;
    }

    /** A FHIR server over these resources until the session is closed. */
    Session open(List<JsonNode> resources) {
        String id = "s" + sessionCount.incrementAndGet();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + id + "/fhir";
        Session session = new Session(id, baseUrl, new InMemoryFhir(resources), new CopyOnWriteArrayList<>());
        sessions.put(id, session);
        return session;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String[] parts = path.split("/", 4); // "", session, "fhir", relative
            Session session = parts.length == 4 && parts[2].equals("fhir") ? sessions.get(parts[1]) : null;
            String relative = parts.length == 4 ? parts[3] + (query == null ? "" : "?" + query) : path;
            if (session == null) {
                send(exchange, 404, outcome("not-found", "No fixture session at " + path));
                return;
            }
            Answer answer = answer(exchange, session, relative);
            session.requests()
                    .add(new Request(exchange.getRequestMethod(), relative, answer.status(), answer.problem()));
            send(exchange, answer.status(), answer.body());
        }
    }

    private Answer answer(HttpExchange exchange, Session session, String relative) {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.refused(401, "login", "no Bearer token, or not the one of fhirAuthorization");
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            return Answer.refused(405, "not-supported", exchange.getRequestMethod() + " is not a read or search");
        }
        try {
            Optional<JsonNode> found = session.fhir().answer(relative, session.baseUrl());
            return found.map(body -> new Answer(200, body, null))
                    .orElseGet(() -> new Answer(404, outcome("not-found", "No " + relative + " in the record"), null));
        } catch (InMemoryFhir.UnsupportedSearchException | IllegalArgumentException e) {
            return Answer.refused(400, "not-supported", e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/fhir+json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static ObjectNode outcome(String code, String diagnostics) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue")
                .addObject()
                .put("severity", "error")
                .put("code", code)
                .put("diagnostics", diagnostics);
        return outcome;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** One scenario's FHIR server; closing it forgets the record. */
    final class Session implements AutoCloseable {

        private final String id;
        private final String baseUrl;
        private final InMemoryFhir fhir;
        private final List<Request> requests;

        private Session(String id, String baseUrl, InMemoryFhir fhir, List<Request> requests) {
            this.id = id;
            this.baseUrl = baseUrl;
            this.fhir = fhir;
            this.requests = requests;
        }

        String baseUrl() {
            return baseUrl;
        }

        InMemoryFhir fhir() {
            return fhir;
        }

        /** Every request made so far, in the order they arrived. */
        List<Request> requests() {
            return requests;
        }

        @Override
        public void close() {
            sessions.remove(id);
        }
    }

    /**
     * One request the service made.
     *
     * @param query   relative to the base URL, e.g. {@code Condition?patient=p1}
     * @param problem why it was refused, or null
     */
    record Request(String method, String query, int status, String problem) {}

    private record Answer(int status, JsonNode body, String problem) {

        static Answer refused(int status, String code, String problem) {
            return new Answer(status, outcome(code, problem), problem);
        }
    }
}
