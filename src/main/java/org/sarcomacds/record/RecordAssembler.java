package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Resource;
import org.sarcomacds.CdsProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the patient record of one hook call: prefetch first, then every missing key fetched from the EHR's FHIR
 * server in parallel under one deadline, then Medications that are referenced but not yet at hand.
 */
@Component
public class RecordAssembler {

    private final FhirContext fhir;
    private final FhirFetcher fetcher;
    private final ExecutorService executor;
    private final long deadlineNanos;

    RecordAssembler(FhirContext fhir, FhirFetcher fetcher, ExecutorService fhirFetchExecutor, CdsProperties properties) {
        this.fhir = fhir;
        this.fetcher = fetcher;
        this.executor = fhirFetchExecutor;
        this.deadlineNanos = properties.fetch().deadline().toNanos();
    }

    public PatientRecord assemble(RecordRequest request) {
        long deadline = System.nanoTime() + deadlineNanos;
        RecordBuilder record = new RecordBuilder(request.patientId());
        Map<String, String> unavailable = new LinkedHashMap<>();
        Map<String, CompletableFuture<List<Resource>>> fetches = new LinkedHashMap<>();

        request.templates().forEach((key, template) -> {
            PrefetchValue value = PrefetchValue.read(fhir, key, request.prefetch().get(key));
            if (value instanceof PrefetchValue.Data data) {
                record.addAll(data.resources());
                if (data.morePages() != null) {
                    startFetch(key, request.fhirServer(), server -> fetcher.remainingPages(server, data.morePages()),
                            fetches, unavailable, "more pages, and no FHIR server to read them from");
                }
            } else {
                Optional<String> query = PrefetchTemplates.render(template, request.tokens());
                String why = ((PrefetchValue.Missing) value).why();
                if (query.isEmpty()) {
                    unavailable.put(key, why + "; the template needs context this call did not carry");
                } else {
                    startFetch(key, request.fhirServer(), server -> fetcher.fetch(server, query.get()), fetches,
                            unavailable, why + ", and no FHIR server this service may call");
                }
            }
        });
        collect(fetches, deadline, record, unavailable);
        resolveMedications(request.fhirServer(), deadline, record);

        List<String> missingRequired = request.required().stream()
                .filter(unavailable::containsKey)
                .map(key -> key + ": " + unavailable.get(key))
                .toList();
        if (!missingRequired.isEmpty()) {
            throw new RequiredDataUnavailableException(
                    "Required data could not be obtained: " + String.join("; ", missingRequired));
        }
        List<String> gaps = new ArrayList<>();
        unavailable.forEach((key, why) -> gaps.add(key + " (" + why + ")"));
        return record.build(gaps);
    }

    private void startFetch(String key, Optional<FhirEndpoint> server,
                            java.util.function.Function<FhirEndpoint, List<Resource>> call,
                            Map<String, CompletableFuture<List<Resource>>> fetches,
                            Map<String, String> unavailable, String whyWithoutServer) {
        if (server.isEmpty()) {
            unavailable.put(key, whyWithoutServer);
        } else {
            fetches.put(key, async(() -> call.apply(server.get())));
        }
    }

    private void resolveMedications(Optional<FhirEndpoint> server, long deadline, RecordBuilder record) {
        List<String> unresolved = record.unresolvedMedicationReferences();
        if (unresolved.isEmpty()) {
            return;
        }
        Map<String, String> failures = new LinkedHashMap<>();
        if (server.isPresent()) {
            Map<String, CompletableFuture<List<Resource>>> reads = new LinkedHashMap<>();
            unresolved.forEach(ref -> reads.put(ref, async(() -> fetcher.read(server.get(), ref))));
            collect(reads, deadline, record, failures);
        }
        record.unresolvedMedicationReferences().forEach(ref -> record.addGap(
                ref + " could not be read, so the medication it names is unknown"));
    }

    private CompletableFuture<List<Resource>> async(Supplier<List<Resource>> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** Waits for all fetches until the deadline; each one that failed or is still running becomes a reason. */
    private static void collect(Map<String, CompletableFuture<List<Resource>>> fetches, long deadline,
                                RecordBuilder record, Map<String, String> failures) {
        for (Map.Entry<String, CompletableFuture<List<Resource>>> fetch : fetches.entrySet()) {
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                record.addAll(fetch.getValue().get(remaining, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                fetch.getValue().cancel(true);
                failures.put(fetch.getKey(), "the FHIR server did not answer within the deadline");
            } catch (ExecutionException e) {
                failures.put(fetch.getKey(), e.getCause() instanceof FetchException f ? f.getMessage() : "fetch failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(fetch.getKey(), "interrupted");
            }
        }
    }
}
