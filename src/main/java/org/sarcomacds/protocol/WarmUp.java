package org.sarcomacds.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.sarcomacds.cards.Card;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes a synthetic hook call for every service through the whole pipeline once the beans exist and before the
 * HTTP port opens, so the first real call finds HAPI's FHIR model scanned, the parsers and serializers built, the
 * rule and card tables loaded and the hot code compiled. Without it the first call after start-up takes seconds.
 * The synthetic patient ({@code warm-up/record.json}) is fictional; nothing is logged about it but the timing.
 */
@Component
class WarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int MAX_ROUNDS = 200;
    private static final long MAX_NANOS = 2_500_000_000L;

    private final ServiceCatalog catalog;
    private final RequestBodyReader bodies;
    private final HookRequestParser parser;
    private final HookHandler handler;
    private final ObjectProvider<JsonMapper> responseMapper;

    WarmUp(ServiceCatalog catalog, RequestBodyReader bodies, HookRequestParser parser, HookHandler handler,
           ObjectProvider<JsonMapper> responseMapper) {
        this.catalog = catalog;
        this.bodies = bodies;
        this.parser = parser;
        this.handler = handler;
        this.responseMapper = responseMapper;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        int calls = 0;
        try {
            JsonMapper mapper = responseMapper.getIfAvailable(() -> JsonMapper.builder().build());
            JsonNode record = mapper.readTree(resource("warm-up/record.json"));
            byte[][] bodiesByService = catalog.all().stream().map(s -> mapper.writeValueAsBytes(request(mapper, s, record)))
                    .toArray(byte[][]::new);
            for (int round = 0; round < MAX_ROUNDS && System.nanoTime() - start < MAX_NANOS; round++) {
                int i = 0;
                for (ServiceDefinition service : catalog.all()) {
                    HookRequest request = parser.parse(bodies.parse(bodiesByService[i++]), service, null); // no fhirServer: no client needed
                    List<Card> cards = handler.handle(service, request);
                    mapper.writeValueAsBytes(CdsResponse.of(cards));
                    calls++;
                }
            }
            log.info("Warmed up the hook pipeline with {} synthetic calls in {} ms", calls, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // The service works without warm-up, only its first calls are slow: say so, do not refuse to start.
            log.warn("Warm-up of the hook pipeline failed after {} calls ({}); the first calls will be slow", calls,
                    e.getClass().getSimpleName());
        }
    }

    /** A hook call of the service's hook, every prefetch key answered with the synthetic record. */
    private static ObjectNode request(JsonMapper mapper, ServiceDefinition service, JsonNode record) {
        ObjectNode body = mapper.createObjectNode().put("hook", service.hook()).put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context = body.putObject("context").put("userId", "Practitioner/warm-up").put("patientId", "warm-up");
        Hook hook = Hook.byId(service.hook()).orElseThrow();
        if (hook.hasDraftOrders()) {
            ObjectNode drafts = context.putObject("draftOrders").put("resourceType", "Bundle").put("type", "collection");
            ObjectNode draft = drafts.putArray("entry").addObject().putObject("resource")
                    .put("resourceType", "MedicationRequest").put("id", "warm-up-draft").put("status", "draft").put("intent", "proposal");
            draft.putObject("medicationCodeableConcept").putArray("coding").addObject()
                    .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm").put("code", "12574").put("display", "gemcitabine");
            draft.putObject("subject").put("reference", "Patient/warm-up");
        }
        if (hook.hasSelections()) {
            context.putArray("selections").add("MedicationRequest/warm-up-draft");
        }
        ObjectNode prefetch = body.putObject("prefetch");
        service.prefetch().keySet().forEach(key -> prefetch.set(key, record));
        return body;
    }

    private static byte[] resource(String path) {
        try (InputStream in = WarmUp.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
