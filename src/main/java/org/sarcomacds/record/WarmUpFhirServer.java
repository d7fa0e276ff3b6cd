package org.sarcomacds.record;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A FHIR server on a free loopback port over one synthetic record, for the warm-up only: it lets the start-up run
 * hook calls through the fetch path (HTTP client, connection pool, bounded reader, binder, paging) before the service
 * takes traffic, since its own port is not open yet. Any search of a type answers that type's resources in pages of
 * {@link #PAGE} with next links; {@code Type/id} reads one. It never sees a real patient.
 */
public final class WarmUpFhirServer implements AutoCloseable {

    static final int PAGE = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, List<JsonNode>> byType = new LinkedHashMap<>();

    /** @param record a Bundle whose entries are the resources served */
    public WarmUpFhirServer(JsonNode record) {
        record.path("entry")
                .forEach(entry -> byType.computeIfAbsent(
                                entry.path("resource").path("resourceType").asString(""), type -> new ArrayList<>())
                        .add(entry.path("resource")));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("no loopback port for the warm-up FHIR server", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/fhir/", this::answer);
        server.start();
    }

    public FhirEndpoint endpoint() {
        return new FhirEndpoint(baseUrl(), null);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI()
                    .getPath()
                    .substring("/fhir/".length())
                    .split("/", 2);
            List<JsonNode> resources = byType.getOrDefault(path[0], List.of());
            JsonNode answer = path.length == 2
                    ? resources.stream()
                            .filter(r -> r.path("id").asString("").equals(path[1]))
                            .findFirst()
                            .orElse(null)
                    : page(path[0], resources, offset(exchange.getRequestURI().getRawQuery()));
            byte[] body = answer == null ? new byte[0] : JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
            exchange.sendResponseHeaders(answer == null ? 404 : 200, answer == null ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private ObjectNode page(String type, List<JsonNode> resources, int offset) {
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        ArrayNode entries = bundle.putArray("entry");
        resources
                .subList(Math.min(offset, resources.size()), Math.min(offset + PAGE, resources.size()))
                .forEach(resource -> entries.addObject().set("resource", resource));
        if (offset + PAGE < resources.size()) {
            bundle.putArray("link")
                    .addObject()
                    .put("relation", "next")
                    .put("url", baseUrl() + "/" + type + "?_offset=" + (offset + PAGE));
        }
        return bundle;
    }

    private static int offset(String query) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("_offset=")) {
                    return Integer.parseInt(parameter.substring("_offset=".length()));
                }
            }
        }
        return 0;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
