package org.sarcomacds.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up where the try-it page and the demo FHIR endpoint are. */
@Component
class TryItNotice {

    private static final Logger log = LoggerFactory.getLogger(TryItNotice.class);

    private final Environment environment;
    private final FixtureLibrary fixtures;

    TryItNotice(Environment environment, FixtureLibrary fixtures) {
        this.environment = environment;
        this.fixtures = fixtures;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String host = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info(
                "Try-it page: http://{}:{}/ ; {} fixture patients, read-only FHIR R4 at http://{}:{}/fhir (demo data;"
                        + " cds.demo.enabled=false or the prod profile turns both off)",
                host,
                port,
                fixtures.all().size(),
                host,
                port);
    }
}
