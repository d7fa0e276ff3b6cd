package org.sarcomacds.peer;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsHooksDaoAuthorizationSvc;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.config.CdsHooksConfig;
import ca.uhn.hapi.fhir.cdshooks.controller.CdsHooksController;
import ca.uhn.hapi.fhir.cdshooks.svc.CdsHooksContextBooter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The bench's peer: a minimal CDS Hooks service on HAPI FHIR's CDS Hooks module (hapi-fhir-server-cds-hooks), wired
 * the way the module expects — its {@link CdsHooksConfig}, a {@link CdsHooksContextBooter} that reads the services
 * of {@link PeerServices}, and its {@link CdsHooksController} at {@code /cds-services} — with Spring Boot's defaults
 * otherwise. Started with {@code java -jar hapi-peer.jar --server.port=<port>}; it listens on 127.0.0.1 only.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CdsHooksConfig.class)
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    CdsHooksContextBooter cdsHooksContextBooter() {
        CdsHooksContextBooter booter = new CdsHooksContextBooter();
        booter.setDefinitionsClass(PeerServices.class);
        booter.start();
        return booter;
    }

    /** Required by the module's configuration in 8.6.1; empty (no JPA storage), so nothing is ever read from it. */
    @Bean
    DaoRegistry daoRegistry(FhirContext fhirContext) {
        return new DaoRegistry(fhirContext);
    }

    /** Only consulted for resources the module reads from its own storage, which this peer has none of. */
    @Bean
    ICdsHooksDaoAuthorizationSvc cdsHooksDaoAuthorizationSvc() {
        return resource -> {};
    }

    @Bean
    CdsHooksController cdsHooksController(ICdsServiceRegistry registry) {
        return new CdsHooksController(registry);
    }
}
