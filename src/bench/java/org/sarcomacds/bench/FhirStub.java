package org.sarcomacds.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An EHR's FHIR server on 127.0.0.1 that answers reads and searches from a {@link Chart} and adds a fixed delay to
 * every answer, as a busy FHIR server would.
 */
final class FhirStub implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(64);
    private final FhirSearch search;
    private final long delayMillis;
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();

    FhirStub(Chart chart, long delayMillis) {
        this.search = new FhirSearch(chart);
        this.delayMillis = delayMillis;
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: +40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/fhir/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            long due = System.nanoTime() + delayMillis * 1_000_000;
            String path = exchange.getRequestURI().getRawPath().substring("/fhir/".length());
            String query = exchange.getRequestURI().getRawQuery();
            String key = query == null ? path : path + "?" + query;
            byte[] body = answers.computeIfAbsent(key, this::answer);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private byte[] answer(String query) {
        synchronized (search) {
            JsonNode answer = search.answer(query);
            return answer == null ? new byte[0] : JSON.writeValueAsBytes(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
