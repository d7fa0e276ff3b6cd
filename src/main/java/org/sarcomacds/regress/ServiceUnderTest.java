package org.sarcomacds.regress;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service itself, started in this JVM on a random loopback port, called over real HTTP as an EHR calls it. Its
 * knowledge is the release's {@code hooks/} plus the site folder, if one is given; its settings are the service's
 * own, with what a regression run needs on top: loopback FHIR servers allowed (the fixture server), no client
 * authentication (the port is loopback and lives as long as the run), no demo, an in-memory feedback store, and
 * fetch timeouts long enough that a loaded CI machine does not turn a slow first fetch into a 412 (content, not
 * timing, is under test).
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Settings a run may change (with {@code --cds.…=…} on the command line). */
    static final Map<String, String> DEFAULTS = Map.of(
            "cds.fetch.deadline", "20s",
            "cds.fetch.read-timeout", "15s",
            "cds.fetch.connect-timeout", "5s");

    private final ConfigurableApplicationContext context;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /**
     * @param application the service's Spring Boot application class
     * @param settings    {@code cds.*} and other Spring properties for the service, e.g. {@code cds.knowledge.site-dir}
     * @throws ServiceStartException with the one-sentence reason when the service refuses to start
     */
    ServiceUnderTest(Class<?> application, Map<String, String> settings) {
        Map<String, String> properties = new LinkedHashMap<>(DEFAULTS);
        properties.putAll(settings);
        properties.putAll(fixed());
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        try {
            context = new SpringApplicationBuilder(application).run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new ServiceStartException(reason(e), e);
        }
        String port = context.getEnvironment().getProperty("local.server.port");
        baseUrl = "http://127.0.0.1:" + port;
    }

    /** What a run always sets, whatever the environment says (a container's prod profile, say). */
    private static Map<String, String> fixed() {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("spring.profiles.active", "regress");
        fixed.put("server.port", "0");
        fixed.put("server.address", "127.0.0.1");
        fixed.put("management.server.port", "");
        fixed.put("spring.main.banner-mode", "off");
        fixed.put("spring.datasource.url", "jdbc:h2:mem:regress-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        fixed.put("cds.demo.enabled", "false");
        fixed.put("cds.admin.token", "");
        fixed.put("cds.privacy.patient-hash-key", UUID.randomUUID().toString());
        fixed.put("springdoc.api-docs.enabled", "false");
        fixed.put("springdoc.swagger-ui.enabled", "false");
        // a fixed address, so the evidence links of the golden cards do not depend on the port of the run
        fixed.put("cds.public-base-url", "https://sarcoma-cds.invalid");
        fixed.put("cds.security.require-jwt", "false");
        fixed.put("cds.fetch.allow-loopback", "true");
        fixed.put("cds.fetch.require-https", "false");
        return fixed;
    }

    /**
     * Log settings for the command line: warnings only, and no start-up failure report, since the run says why the
     * service refused to start in one sentence. Not for a run inside a test JVM, whose other Spring contexts share
     * the logging system.
     */
    static Map<String, String> quietLogging() {
        Map<String, String> quiet = new LinkedHashMap<>();
        quiet.put("logging.level.root", "warn");
        quiet.put("logging.level.org.sarcomacds", "warn");
        quiet.put("logging.level.org.sarcomacds.StartupNotice", "error");
        quiet.put("logging.level.org.flywaydb", "error");
        quiet.put("logging.level.org.springframework.boot.SpringApplication", "off");
        quiet.put("logging.level.org.springframework.boot.diagnostics", "off");
        return quiet;
    }

    /** The deepest message, which for a knowledge file is the one sentence naming it. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** Discovery, as an EHR reads it. */
    JsonNode discovery() {
        Reply reply = get("/cds-services");
        if (reply.status() != 200) {
            throw new IllegalStateException("Discovery answered HTTP " + reply.status());
        }
        return JSON.readTree(reply.body());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    Reply post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The service did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A bean of the running service (for the snapshot, which fetches with the service's own FHIR client). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

    record Reply(int status, String body) {}

    /** The service refused to start; the message says why in one sentence. */
    static final class ServiceStartException extends RuntimeException {

        ServiceStartException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
