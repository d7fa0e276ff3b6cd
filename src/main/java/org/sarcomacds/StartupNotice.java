package org.sarcomacds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up, where an operator will see it, who may call this service and what it does not protect. */
@Component
class StartupNotice {

    private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);

    private final Environment environment;
    private final CdsProperties properties;

    StartupNotice(Environment environment, CdsProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        String where = environment.getProperty("server.address", "all interfaces") + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        CdsProperties.Security security = properties.security();
        if (!security.requireJwt()) {
            log.warn("""

                    *********************************************************************************
                    *  CDS CLIENTS ARE NOT AUTHENTICATED: cds.security.require-jwt=false (demo mode). *
                    *  Anyone who can reach {} can call this service. Loopback only, test data only.
                    *  Set cds.security.require-jwt=true and cds.security.clients[*] (or run the prod profile).
                    *********************************************************************************""", where);
            return;
        }
        log.info(
                "CDS clients are authenticated by JWT; trusted issuers: {}. Listening on {}.",
                security.clients().stream().map(CdsProperties.Client::issuer).toList(),
                where);
        if (properties.publicBaseUrl().isBlank()) {
            log.warn("cds.public-base-url is not set: the expected JWT aud is taken from each request's Host header."
                    + " Set it to the URL clients call (the prod profile requires it).");
        }
        if (security.logHashKey().isBlank()) {
            log.info(
                    "cds.security.log-hash-key is not set: patient pseudonyms in the log correlate within this run only.");
        }
    }
}
