package org.sarcomacds.protocol;

import java.util.List;
import org.sarcomacds.cards.Card;
import org.sarcomacds.cards.CardFactory;
import org.sarcomacds.facts.FactExtractor;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.record.PatientRecord;
import org.sarcomacds.record.RecordAssembler;
import org.sarcomacds.record.RecordRequest;
import org.sarcomacds.rules.RuleEngine;
import org.sarcomacds.security.AuthenticatedClient;
import org.sarcomacds.security.LogPseudonyms;
import org.sarcomacds.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The one way into the pipeline: request body → validated hook request → patient record → facts → rules → cards
 * (then the cards already answered at order-select are left out at order-sign). The HTTP endpoint, the start-up
 * warm-up and the benchmark all come in here; what only the endpoint does (storing the issued cards, metrics, the
 * per-call log line) stays in the endpoint.
 */
@Component
public class HookService {

    private static final Logger log = LoggerFactory.getLogger(HookService.class);

    private final ServiceCatalog catalog;
    private final RequestBodyReader bodies;
    private final HookRequestParser parser;
    private final RecordAssembler records;
    private final FactExtractor facts;
    private final RuleEngine rules;
    private final CardFactory cards;
    private final LogPseudonyms pseudonyms;
    private final AnsweredCardFilter answered;

    HookService(
            ServiceCatalog catalog,
            RequestBodyReader bodies,
            HookRequestParser parser,
            RecordAssembler records,
            FactExtractor facts,
            RuleEngine rules,
            CardFactory cards,
            LogPseudonyms pseudonyms,
            AnsweredCardFilter answered) {
        this.catalog = catalog;
        this.bodies = bodies;
        this.parser = parser;
        this.records = records;
        this.facts = facts;
        this.rules = rules;
        this.cards = cards;
        this.pseudonyms = pseudonyms;
        this.answered = answered;
    }

    /** A call whose cards link to no evidence page (the warm-up, benchmarks): see the four-argument call. */
    public HookAnswer call(String serviceId, byte[] body, AuthenticatedClient client) {
        return call(serviceId, body, client, "");
    }

    /**
     * Answers one hook call. Everything logged while the call is handled carries its {@code hookInstance}; a call
     * that fails once its request is read is logged with the patient's pseudonym.
     *
     * @param serviceId the CDS service called
     * @param body      the request body as the client sent it (JSON)
     * @param client    the authenticated CDS client, or null when authentication is off
     * @param baseUrl   this service's external address, for the cards' evidence links; blank for none
     * @throws CdsRequestException                                  unknown service (404), a bad request (400, 413)
     * @throws org.sarcomacds.record.RequiredDataUnavailableException required data neither prefetched nor fetchable
     * @throws org.sarcomacds.record.InvalidPrefetchException         prefetch that is not FHIR R4 (400)
     */
    public HookAnswer call(String serviceId, byte[] body, AuthenticatedClient client, String baseUrl) {
        ServiceDefinition service = service(serviceId);
        try {
            return call(service, bodies.parse(body), client, baseUrl);
        } finally {
            MDC.remove(LogContextFilter.HOOK_INSTANCE);
        }
    }

    /**
     * The endpoint's way in: the body as it arrived, still counted against the request-body budget. The call's
     * {@code hookInstance} stays in the log context until the request ends ({@link LogContextFilter}), so the line
     * that answers an error carries it too.
     */
    HookAnswer call(String serviceId, RequestBodyReader.Body body, AuthenticatedClient client, String baseUrl) {
        ServiceDefinition service = service(serviceId);
        return call(service, bodies.parse(body), client, baseUrl);
    }

    /** The warm-up's way to a request it then changes (its fetch path uses a trusted loopback FHIR server). */
    HookRequest request(String serviceId, byte[] body) {
        return parser.parse(bodies.parse(body), service(serviceId), null);
    }

    /** Answers a request the warm-up prepared; the calls are neither stored nor counted. */
    HookAnswer answer(String serviceId, HookRequest request) {
        return answer(service(serviceId), request, "service=" + serviceId + " client=warm-up", "", System.nanoTime());
    }

    private ServiceDefinition service(String serviceId) {
        return catalog.find(serviceId)
                .orElseThrow(() -> new CdsRequestException(
                        HttpStatus.NOT_FOUND,
                        "No CDS Service with id '" + LogText.token(serviceId) + "'; GET /cds-services lists them"));
    }

    private HookAnswer call(ServiceDefinition service, JsonNode body, AuthenticatedClient client, String baseUrl) {
        long start = System.nanoTime();
        // in the log context before the request is checked, so every line about this call carries it
        MDC.put(
                LogContextFilter.HOOK_INSTANCE,
                LogText.token(body.path("hookInstance").asString(null)));
        HookRequest request = parser.parse(body, service, client);
        String caller = "service=" + service.id() + " client=" + (client == null ? "-" : LogText.token(client.issuer()))
                + " patient=" + pseudonyms.patient(request.patientId());
        return answer(service, request, caller, baseUrl, start);
    }

    private List<Card> cards(HookRequest request, PatientRecord record, String baseUrl) {
        PatientFacts patientFacts = facts.extract(record, request.hook(), request.draftOrders(), request.selections());
        return answered.apply(request, cards.cards(rules.evaluate(patientFacts), request.patientId(), baseUrl));
    }

    private HookAnswer answer(
            ServiceDefinition service, HookRequest request, String caller, String baseUrl, long start) {
        try {
            RecordRequest wanted = new RecordRequest(
                    request.patientId(),
                    service.prefetch(),
                    service.requiredPrefetch(),
                    request.tokens(),
                    request.prefetch(),
                    request.fhirServer());
            List<Card> answer = records.using(wanted, record -> cards(request, record, baseUrl));
            Boolean cache = request.coordination().cacheForOrderSign();
            return new HookAnswer(
                    service.id(),
                    request.hookInstance(),
                    request.patientId(),
                    caller,
                    answer,
                    request.hook().id(),
                    request.encounterId(),
                    request.userId(),
                    cache == null || cache);
        } catch (RuntimeException e) {
            // the status and reason are logged where the error is answered; this line ties the failure to the call
            log.info(
                    "hook {} outcome={} ms={}",
                    caller,
                    e.getClass().getSimpleName(),
                    (System.nanoTime() - start) / 1_000_000);
            throw e;
        }
    }
}
