package org.sarcomacds.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one synthetic patient-view call through the whole pipeline (parse, record, facts, rules, cards) before the
 * service reports itself ready: Spring Boot publishes readiness {@code ACCEPTING_TRAFFIC} only after every
 * ApplicationRunner has finished, so a replica takes traffic only once its knowledge base is loaded and its code
 * paths are warm. The call bypasses the endpoints, so it is neither stored nor counted. If it fails, start-up
 * fails: a replica that cannot answer this call must not take traffic.
 */
@Component
class WarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final ServiceCatalog catalog;
    private final HookRequestParser parser;
    private final HookHandler handler;

    WarmUp(ServiceCatalog catalog, HookRequestParser parser, HookHandler handler) {
        this.catalog = catalog;
        this.parser = parser;
        this.handler = handler;
    }

    @Override
    public void run(ApplicationArguments args) {
        long start = System.nanoTime();
        JsonNode body = request();
        for (ServiceDefinition service : catalog.all()) {
            if (service.hook().equals(body.path("hook").asString())) {
                int cards = handler.handle(service, parser.parse(body, service, null)).size();
                log.info("warm-up service={} cards={} ms={}", service.id(), cards, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static JsonNode request() {
        try (InputStream in = new ClassPathResource("warmup/patient-view.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("warmup/patient-view.json is part of the jar", e);
        }
    }
}
