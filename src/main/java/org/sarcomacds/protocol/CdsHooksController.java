package org.sarcomacds.protocol;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.cards.Card;
import org.sarcomacds.feedback.Feedback;
import org.sarcomacds.feedback.FeedbackStore;
import org.sarcomacds.feedback.IssuedCardWriter;
import org.sarcomacds.feedback.IssuedCards;
import org.sarcomacds.security.AuthenticatedClient;
import org.sarcomacds.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The CDS Hooks 2.0 endpoints: discovery, service calls and feedback. */
@RestController
@Tag(name = "CDS Hooks", description = "CDS Hooks 2.0: discovery, service calls and feedback")
class CdsHooksController {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksController.class);

    private final ServiceCatalog catalog;
    private final RequestBodyReader bodies;
    private final FeedbackParser feedbackParser;
    private final CallGate gate;
    private final HookService hooks;
    private final FeedbackStore store;
    private final IssuedCardWriter issuedCards;
    private final List<HookListener> listeners;
    private final String publicBaseUrl;

    CdsHooksController(
            ServiceCatalog catalog,
            RequestBodyReader bodies,
            FeedbackParser feedbackParser,
            CallGate gate,
            HookService hooks,
            FeedbackStore store,
            IssuedCardWriter issuedCards,
            ObjectProvider<HookListener> listeners,
            CdsProperties properties) {
        this.catalog = catalog;
        this.bodies = bodies;
        this.feedbackParser = feedbackParser;
        this.gate = gate;
        this.hooks = hooks;
        this.store = store;
        this.issuedCards = issuedCards;
        this.listeners = listeners.orderedStream().toList();
        this.publicBaseUrl = properties.publicBaseUrl();
    }

    /** The service's external address for the cards' evidence links: cds.public-base-url, else as this call came. */
    private String baseUrl(HttpServletRequest http) {
        return publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(http).build().toUriString()
                : publicBaseUrl;
    }

    @Operation(summary = "Discovery: the CDS Services with their hooks and prefetch templates")
    @GetMapping("/cds-services")
    Discovery discovery() {
        return Discovery.of(catalog.all());
    }

    @Operation(
            summary = "Call a CDS Service with a hook request; answers {\"cards\": [...]}",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description =
                                    "A CDS Hooks 2.0 hook request (hook, hookInstance, context, optional prefetch, fhirServer)",
                            content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The cards ([] when there is nothing to say)"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Malformed request (OperationOutcome)",
                        content = @Content(mediaType = "application/fhir+json")),
                @ApiResponse(
                        responseCode = "404",
                        description = "Unknown service (OperationOutcome)",
                        content = @Content(mediaType = "application/fhir+json")),
                @ApiResponse(
                        responseCode = "408",
                        description = "The request body did not arrive in time (OperationOutcome)",
                        content = @Content(mediaType = "application/fhir+json")),
                @ApiResponse(
                        responseCode = "412",
                        description = "Required data neither prefetched nor fetchable",
                        content = @Content(mediaType = "application/fhir+json")),
                @ApiResponse(
                        responseCode = "503",
                        description = "At capacity just now; send the call again shortly (OperationOutcome)",
                        content = @Content(mediaType = "application/fhir+json"))
            })
    @PostMapping("/cds-services/{id}")
    CdsResponse call(@PathVariable String id, HttpServletRequest http) {
        long start = System.nanoTime();
        AuthenticatedClient client = (AuthenticatedClient) http.getAttribute(AuthenticatedClient.ATTRIBUTE);
        // The turn is taken once the body has arrived: a slow client never holds one (CallGate)
        HookAnswer answer;
        try (RequestBodyReader.Body body = bodies.receive(http);
                CallGate.Turn turn = gate.enter()) {
            answer = hooks.call(id, body, client, baseUrl(http));
        }
        try (MDC.MDCCloseable hookInstance =
                MDC.putCloseable(LogContextFilter.HOOK_INSTANCE, LogText.token(answer.hookInstance()))) {
            record(answer.issued(Instant.now()));
            log.info(
                    "hook {} outcome=200 cards={} rules={} ms={}",
                    answer.caller(),
                    answer.cards().size(),
                    answer.cards().stream().map(Card::ruleId).toList(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return answer.response();
    }

    @Operation(
            summary = "Feedback on cards; validated, idempotent, stored before the 200",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description =
                                    "{\"feedback\": [{card, outcome, acceptedSuggestions, overrideReason, outcomeTimestamp}]}",
                            content = @Content(mediaType = "application/json", schema = @Schema(type = "object"))),
            responses = {
                @ApiResponse(responseCode = "200", description = "Stored (or already stored)"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid feedback (OperationOutcome)",
                        content = @Content(mediaType = "application/fhir+json")),
                @ApiResponse(
                        responseCode = "503",
                        description = "The store is unavailable; send again later",
                        content = @Content(mediaType = "application/fhir+json"))
            })
    @PostMapping("/cds-services/{id}/feedback")
    ResponseEntity<Void> feedback(@PathVariable String id, HttpServletRequest http) {
        ServiceDefinition service = service(id);
        List<Feedback> items = feedbackParser.parse(bodies.read(http));
        int fresh = 0;
        for (int i = 0; i < items.size(); i++) {
            Feedback item = items.get(i);
            boolean isNew = store(service.id(), item, i);
            fresh += isNew ? 1 : 0;
            listeners.forEach(listener -> listener.feedbackReceived(service.id(), item, isNew));
            log.info(
                    "feedback service={} card={} outcome={} acceptedSuggestions={} overrideReason={} new={}",
                    service.id(),
                    LogText.token(item.card()),
                    item.outcome(),
                    item.acceptedSuggestions(),
                    LogText.token(item.overrideReason()),
                    isNew);
        }
        log.info("feedback service={} items={} new={}", service.id(), items.size(), fresh);
        return ResponseEntity.ok().build();
    }

    /**
     * The cards are queued for the store and go out at once: the write happens off this thread, batched with other
     * calls' (IssuedCardWriter). A failed write does not touch the answer — a warning that reaches the clinician
     * matters more than the analytics row; the writer logs it and it is counted here.
     */
    private void record(IssuedCards issued) {
        issuedCards.submit(issued, () -> listeners.forEach(listener -> listener.storeFailed("issued")));
        listeners.forEach(listener -> listener.cardsIssued(issued));
    }

    /**
     * Feedback is answered 200 only once it is committed; otherwise 503, and the client may send it again — unless the
     * database refused the value itself, which sending again cannot change (FeedbackParser should have caught it).
     */
    private boolean store(String serviceId, Feedback item, int index) {
        try {
            return store.recordFeedback(serviceId, item);
        } catch (DataIntegrityViolationException e) {
            log.error("feedback could not be stored: {}", e.getClass().getSimpleName());
            throw CdsRequestException.badRequest(
                    "feedback[" + index + "] has a value the feedback store cannot keep; it was not stored");
        } catch (DataAccessException e) {
            log.error("feedback could not be stored: {}", e.getClass().getSimpleName());
            listeners.forEach(listener -> listener.storeFailed("feedback"));
            throw new CdsRequestException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Feedback could not be stored just now; send it again later");
        }
    }

    private ServiceDefinition service(String id) {
        return catalog.find(id)
                .orElseThrow(() -> new CdsRequestException(
                        HttpStatus.NOT_FOUND,
                        "No CDS Service with id '" + LogText.token(id) + "'; GET /cds-services lists them"));
    }
}
