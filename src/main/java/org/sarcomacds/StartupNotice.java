package org.sarcomacds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up, where an operator will see it, what this build does not yet protect against. */
@Component
class StartupNotice {

    private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);

    private final Environment environment;

    StartupNotice(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        log.warn("CDS clients are NOT authenticated in this build (no JWT validation yet). Listening on {}:{}."
                        + " Keep it on loopback and use test data only.",
                environment.getProperty("server.address", "all interfaces"),
                environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
    }
}
