package org.sarcomacds.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.record.FhirEndpoint;
import org.sarcomacds.record.WarmUpFhirServer;
import org.sarcomacds.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs synthetic calls of every service through the whole pipeline (body reader, request parser, record, facts,
 * rules, cards, response writer) once the beans exist — before the HTTP port opens, and so also before Spring Boot
 * publishes readiness {@code ACCEPTING_TRAFFIC}. The first real call then finds HAPI's FHIR model scanned, parsers
 * and serializers built, the knowledge base loaded and the hot code partly compiled; without it the first call
 * after start-up takes seconds (docs/performance.md). The calls bypass the endpoints, so they are neither stored nor
 * counted; the synthetic patient ({@code warm-up/record.json}) is fictional. If a call fails, start-up fails: a
 * replica that cannot answer it must not take traffic. Then the same calls run without prefetch against a FHIR
 * server on a loopback port ({@link WarmUpFhirServer}), so the fetch path (HTTP client, connection pool, reader,
 * paging) is warm too; a failure there is logged, not fatal (a fetch can time out on a machine busy starting).
 * {@code cds.warm-up.enabled=false} skips both (the tests do: a test context needs no compiled hot path, and
 * {@code WarmUpReadinessTest} turns it back on).
 */
@Component
class WarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    private static final int MAX_FETCH_ROUNDS = 100;
    private static final long MAX_FETCH_NANOS = 500_000_000L;
    /**
     * Copies of the synthetic patient's clinical resources in each call: about 150 resources, the size of a real
     * chart, so the loops that bind, match and read resources run often enough to be compiled before traffic comes
     * (fewer when {@code cds.limits.max-entries} would refuse that many).
     */
    private static final int COPIES = 25;

    private final ServiceCatalog catalog;
    private final HookService hooks;
    private final ObjectProvider<JsonMapper> responseMapper;
    private final int maxEntries;
    private final CdsProperties.WarmUp limits;
    private int calls;

    WarmUp(
            ServiceCatalog catalog,
            HookService hooks,
            ObjectProvider<JsonMapper> responseMapper,
            CdsProperties properties) {
        this.catalog = catalog;
        this.hooks = hooks;
        this.responseMapper = responseMapper;
        this.maxEntries = properties.limits().maxEntries();
        this.limits = properties.warmUp();
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!limits.enabled()) {
            log.info("warm-up off (cds.warm-up.enabled=false)");
            return;
        }
        long start = System.nanoTime();
        JsonMapper mapper =
                responseMapper.getIfAvailable(() -> JsonMapper.builder().build());
        JsonNode record = scaled(mapper.readTree(resource("warm-up/record.json")), maxEntries);
        List<ServiceDefinition> services = catalog.all();
        List<byte[]> requests = services.stream()
                .map(s -> mapper.writeValueAsBytes(request(mapper, s, record)))
                .toList();
        long maxNanos = limits.maxTime().toNanos();
        for (int round = 0;
                round == 0 || (round < limits.maxRounds() && System.nanoTime() - start < maxNanos);
                round++) {
            for (int i = 0; i < services.size(); i++) {
                ServiceDefinition service = services.get(i);
                HookAnswer answer = hooks.call(service.id(), requests.get(i), null);
                mapper.writeValueAsBytes(answer.response());
                calls++;
                if (round == 0) {
                    log.info(
                            "warm-up service={} cards={} ms={}",
                            service.id(),
                            answer.cards().size(),
                            (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        log.info("warm-up done: {} synthetic calls in {} ms", calls, (System.nanoTime() - start) / 1_000_000);
        warmFetchPath(services, requests, record);
    }

    private void warmFetchPath(List<ServiceDefinition> services, List<byte[]> requests, JsonNode record) {
        long start = System.nanoTime();
        int calls = 0;
        try (WarmUpFhirServer fhirServer = new WarmUpFhirServer(record)) {
            for (int round = 0;
                    round < MAX_FETCH_ROUNDS && (round == 0 || System.nanoTime() - start < MAX_FETCH_NANOS);
                    round++) {
                for (int i = 0; i < services.size(); i++) {
                    ServiceDefinition service = services.get(i);
                    HookRequest prefetched = hooks.request(service.id(), requests.get(i));
                    hooks.answer(service.id(), fetchingFrom(fhirServer.endpoint(), prefetched));
                    calls++;
                }
            }
            log.info(
                    "warm-up of the fetch path done: {} synthetic calls in {} ms",
                    calls,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a runtime image without the JDK's HTTP server (jdk.httpserver); the service works without
            log.warn("warm-up of the fetch path stopped after {} calls: {}", calls, LogText.line(e.toString()));
        }
    }

    /** The call without its prefetch, so every key is fetched from {@code server}. */
    private static HookRequest fetchingFrom(FhirEndpoint server, HookRequest call) {
        return new HookRequest(
                call.hook(),
                call.hookInstance(),
                call.patientId(),
                Optional.of(server),
                call.tokens(),
                Map.of(),
                call.draftOrders(),
                call.selections(),
                call.coordination());
    }

    /** How many synthetic calls the warm-up made (none when it is off). */
    int calls() {
        return calls;
    }

    /**
     * A call of the service's hook: the synthetic record under the first prefetch key, "no data" (JSON null) under the
     * others — the record stage files resources by type, whichever key brought them — so the call stays within any
     * sensible {@code cds.limits} on Bundle entries.
     */
    private static ObjectNode request(JsonMapper mapper, ServiceDefinition service, JsonNode record) {
        ObjectNode body = mapper.createObjectNode()
                .put("hook", service.hook().id())
                .put("hookInstance", UUID.randomUUID().toString());
        ObjectNode context =
                body.putObject("context").put("userId", "Practitioner/warm-up").put("patientId", "warm-up");
        Hook hook = service.hook();
        if (hook.hasDraftOrders()) {
            ObjectNode drafts = context.putObject("draftOrders")
                    .put("resourceType", "Bundle")
                    .put("type", "collection");
            ObjectNode draft = drafts.putArray("entry")
                    .addObject()
                    .putObject("resource")
                    .put("resourceType", "MedicationRequest")
                    .put("id", "warm-up-draft")
                    .put("status", "draft")
                    .put("intent", "proposal");
            draft.putObject("medicationCodeableConcept")
                    .putArray("coding")
                    .addObject()
                    .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
                    .put("code", "12574")
                    .put("display", "gemcitabine");
            draft.putObject("subject").put("reference", "Patient/warm-up");
        }
        if (hook.hasSelections()) {
            context.putArray("selections").add("MedicationRequest/warm-up-draft");
        }
        ObjectNode prefetch = body.putObject("prefetch");
        service.prefetch().keySet().forEach(key -> prefetch.set(key, prefetch.isEmpty() ? record : mapper.nullNode()));
        return body;
    }

    /** The record with up to {@link #COPIES} copies (new ids) of each Condition, medication use and Observation. */
    private static JsonNode scaled(JsonNode record, int maxEntries) {
        ObjectNode scaled = (ObjectNode) record.deepCopy();
        var entries = scaled.withArray("entry");
        List<JsonNode> originals = entries.valueStream().toList();
        int copies = Math.max(1, Math.min(COPIES, maxEntries / Math.max(1, originals.size())));
        for (int copy = 1; copy < copies; copy++) {
            for (JsonNode entry : originals) {
                String type = entry.path("resource").path("resourceType").asString("");
                if (!type.equals("Patient") && !type.equals("Medication")) {
                    JsonNode duplicate = entry.deepCopy();
                    ObjectNode resource = (ObjectNode) duplicate.get("resource");
                    resource.put("id", resource.path("id").asString() + "-" + copy);
                    entries.add(duplicate);
                }
            }
        }
        return scaled;
    }

    private static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is part of the jar", e);
        }
    }
}
