package org.sarcomacds.protocol;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.sarcomacds.cards.Card;
import org.sarcomacds.security.AuthenticatedClient;
import org.sarcomacds.security.LogPseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The CDS Hooks 2.0 endpoints: discovery, service calls and feedback. */
@RestController
class CdsHooksController {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksController.class);

    private final ServiceCatalog catalog;
    private final RequestBodyReader bodies;
    private final HookRequestParser parser;
    private final HookHandler handler;
    private final FeedbackLog feedbackLog;
    private final LogPseudonyms pseudonyms;

    CdsHooksController(ServiceCatalog catalog, RequestBodyReader bodies, HookRequestParser parser, HookHandler handler,
                       FeedbackLog feedbackLog, LogPseudonyms pseudonyms) {
        this.catalog = catalog;
        this.bodies = bodies;
        this.parser = parser;
        this.handler = handler;
        this.feedbackLog = feedbackLog;
        this.pseudonyms = pseudonyms;
    }

    @GetMapping("/cds-services")
    Discovery discovery() {
        return Discovery.of(catalog.all());
    }

    @PostMapping("/cds-services/{id}")
    CdsResponse call(@PathVariable String id, HttpServletRequest http) {
        long start = System.nanoTime();
        ServiceDefinition service = service(id);
        AuthenticatedClient client = (AuthenticatedClient) http.getAttribute(AuthenticatedClient.ATTRIBUTE);
        HookRequest request = parser.parse(bodies.read(http), service, client);
        MDC.put("hookInstance", LogText.token(request.hookInstance()));
        String who = "service=" + service.id() + " client=" + (client == null ? "-" : LogText.token(client.issuer()))
                + " patient=" + pseudonyms.patient(request.patientId());
        try {
            List<Card> cards = handler.handle(service, request);
            log.info("hook {} outcome=200 cards={} rules={} ms={}", who, cards.size(),
                    cards.stream().map(Card::ruleId).toList(), millisSince(start));
            return CdsResponse.of(cards);
        } catch (RuntimeException e) {
            // ErrorAnswers logs the status and reason; this line ties the failure to the call and the patient pseudonym
            log.info("hook {} outcome={} ms={}", who, e.getClass().getSimpleName(), millisSince(start));
            throw e;
        } finally {
            MDC.remove("hookInstance");
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @PostMapping("/cds-services/{id}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest http) {
        ServiceDefinition service = service(id);
        List<Feedback> items = FeedbackParser.parse(bodies.read(http));
        long fresh = items.stream().filter(item -> feedbackLog.record(service.id(), item)).count();
        log.info("feedback service={} items={} new={}", service.id(), items.size(), fresh);
        return ResponseEntity.ok().build();
    }

    private ServiceDefinition service(String id) {
        return catalog.find(id).orElseThrow(() -> new CdsRequestException(HttpStatus.NOT_FOUND,
                "No CDS Service with id '" + LogText.token(id) + "'; GET /cds-services lists them"));
    }
}
