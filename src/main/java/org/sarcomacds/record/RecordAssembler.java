package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sarcomacds.CdsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Builds the patient record of one hook call: prefetch first, then every missing key fetched from the EHR's FHIR
 * server in parallel under one deadline, then Medications that are referenced but not yet at hand.
 */
@Component
public class RecordAssembler {

    /** What the record stage reads of the resources it collects (declared in {@code RecordBuilder}). */
    public static final List<ReadElements> READS = RecordBuilder.READS;

    private final FhirContext fhir;
    private final FhirFetcher fetcher;
    private final ExecutorService executor;
    private final long deadlineNanos;
    private final List<FetchListener> listeners;

    RecordAssembler(
            FhirContext fhir,
            FhirFetcher fetcher,
            ExecutorService fhirFetchExecutor,
            CdsProperties properties,
            ObjectProvider<FetchListener> listeners) {
        this.fhir = fhir;
        this.fetcher = fetcher;
        this.executor = fhirFetchExecutor;
        this.deadlineNanos = properties.fetch().deadline().toNanos();
        this.listeners = listeners.orderedStream().toList();
    }

    /** Starts one fetch on the pool; listeners hear how and when it ended, whoever waits for it. */
    private CompletableFuture<Fetched> startFetch(String key, Supplier<Fetched> call) {
        long start = System.nanoTime();
        CompletableFuture<Fetched> future = CompletableFuture.supplyAsync(call, executor);
        if (!listeners.isEmpty()) {
            future.whenComplete((resources, failure) -> {
                FetchListener.Outcome outcome = failure == null
                        ? FetchListener.Outcome.OK
                        : failure instanceof CancellationException
                                ? FetchListener.Outcome.TIMEOUT
                                : FetchListener.Outcome.ERROR;
                long nanos = System.nanoTime() - start;
                listeners.forEach(listener -> listener.fetched(key, outcome, nanos));
            });
        }
        return future;
    }

    /**
     * The record of {@code request}, for a caller that keeps it only briefly (a snapshot to disk); a hook call uses
     * {@link #using}.
     */
    public PatientRecord assemble(RecordRequest request) {
        return using(request, record -> record);
    }

    /**
     * Assembles the record and hands it to {@code use}; the bytes of the FHIR answers it was read from stay counted
     * in the fetch budget until {@code use} returns, since the record's resources are in memory until then.
     *
     * @throws RequiredDataUnavailableException when a required key is neither prefetched nor fetchable
     * @throws FetchCapacityException           when a required key could not be fetched for lack of room just now
     * @throws InvalidPrefetchException         when the client's prefetch is not FHIR R4
     */
    public <T> T using(RecordRequest request, Function<PatientRecord, T> use) {
        try (FetchCall call = fetcher.call(System.nanoTime() + deadlineNanos)) {
            Assembly assembly = new Assembly(request, call);
            request.templates().forEach(assembly::readPrefetch);
            assembly.awaitFetches();
            assembly.resolveMedications();
            return use.apply(assembly.result());
        }
    }

    /** The state of one hook call's assembly; never shared between calls. */
    private final class Assembly {

        private final RecordRequest request;
        private final FetchCall call;
        private final long deadline;
        private final RecordBuilder record;
        private final Map<String, String> unavailable = new LinkedHashMap<>();
        /** Keys whose fetch failed because this service was at its limit, not because of the EHR. */
        private final Set<String> busy = new HashSet<>();
        /** Keys read only in part because a cap stopped the search. */
        private final Map<String, String> cutShort = new LinkedHashMap<>();

        private final Map<String, CompletableFuture<Fetched>> fetches = new LinkedHashMap<>();

        Assembly(RecordRequest request, FetchCall call) {
            this.request = request;
            this.call = call;
            this.deadline = call.deadline();
            this.record = new RecordBuilder(request.patientId());
        }

        void readPrefetch(String key, String template) {
            PrefetchValue value =
                    PrefetchValue.read(fhir, key, request.prefetch().get(key));
            boolean firstPageOnly = PrefetchTemplates.firstPageOnly(template);
            if (value instanceof PrefetchValue.Data data) {
                listeners.forEach(listener -> listener.prefetch(key, FetchListener.Source.SUPPLIED));
                record.addAll(data.resources());
                if (data.morePages() != null && !firstPageOnly) {
                    fetch(
                            key,
                            server -> fetcher.remainingPages(server, data.morePages(), call),
                            "more pages, and no FHIR server to read them from");
                }
                return;
            }
            String why = ((PrefetchValue.Missing) value).why();
            Optional<String> query = PrefetchTemplates.render(template, request.tokens());
            if (query.isEmpty()) {
                unavailable.put(key, why + "; the template needs context this call did not carry");
            } else {
                fetch(
                        key,
                        server -> fetcher.fetch(server, query.get(), firstPageOnly, call),
                        why + ", and no FHIR server this service may call");
            }
            FetchListener.Source source =
                    fetches.containsKey(key) ? FetchListener.Source.FETCHED : FetchListener.Source.UNAVAILABLE;
            listeners.forEach(listener -> listener.prefetch(key, source));
        }

        private void fetch(String key, Function<FhirEndpoint, Fetched> call, String whyWithoutServer) {
            Optional<FhirEndpoint> server = request.fhirServer();
            if (server.isEmpty()) {
                unavailable.put(key, whyWithoutServer);
            } else {
                fetches.put(key, startFetch(key, () -> call.apply(server.get())));
            }
        }

        void awaitFetches() {
            collect(fetches, unavailable, cutShort);
        }

        void resolveMedications() {
            List<String> unresolved = record.unresolvedMedicationReferences();
            if (!unresolved.isEmpty() && request.fhirServer().isPresent()) {
                FhirEndpoint server = request.fhirServer().get();
                Map<String, CompletableFuture<Fetched>> reads = new LinkedHashMap<>();
                unresolved.forEach(ref ->
                        reads.put(ref, startFetch("medication", () -> fetcher.read(server, ref, call))));
                collect(reads, new LinkedHashMap<>(), new LinkedHashMap<>());
            }
            record.unresolvedMedicationReferences()
                    .forEach(ref -> record.addGap(ref + " could not be read, so the medication it names is unknown"));
        }

        /**
         * The record, if every required key was read in full. A required key that is missing, or that a cap cut
         * short, fails the call: the rules must not decide on part of a medication history. An optional key that is
         * missing or cut short is a gap, which the cards state.
         */
        PatientRecord result() {
            Map<String, String> incomplete = new LinkedHashMap<>(unavailable);
            cutShort.forEach(incomplete::putIfAbsent);
            List<String> missingKeys =
                    request.required().stream().filter(incomplete::containsKey).toList();
            List<String> missingRequired = missingKeys.stream()
                    .map(key -> key + ": " + incomplete.get(key))
                    .toList();
            if (!missingKeys.isEmpty() && busy.containsAll(missingKeys)) {
                throw new FetchCapacityException(
                        "Required data could not be fetched just now: " + String.join("; ", missingRequired));
            }
            if (!missingRequired.isEmpty()) {
                throw new RequiredDataUnavailableException(
                        "Required data could not be obtained: " + String.join("; ", missingRequired));
            }
            List<String> gaps = new ArrayList<>();
            incomplete.forEach((key, why) -> gaps.add(key + " (" + why + ")"));
            return record.build(gaps);
        }

        /**
         * Waits for the calls until the deadline; each one that failed or is still running becomes a reason, each one
         * a cap cut short a note.
         */
        private void collect(
                Map<String, CompletableFuture<Fetched>> calls, Map<String, String> failures, Map<String, String> cut) {
            for (Map.Entry<String, CompletableFuture<Fetched>> call : calls.entrySet()) {
                try {
                    long remaining = Math.max(0, deadline - System.nanoTime());
                    Fetched fetched = call.getValue().get(remaining, TimeUnit.NANOSECONDS);
                    record.addAll(fetched.resources());
                    if (fetched.cutShort() != null) {
                        cut.put(call.getKey(), fetched.cutShort());
                    }
                } catch (TimeoutException e) {
                    call.getValue().cancel(true);
                    failures.put(call.getKey(), "the FHIR server did not answer within the deadline");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof FetchException f && f.busy()) {
                        busy.add(call.getKey());
                    }
                    failures.put(
                            call.getKey(), e.getCause() instanceof FetchException f ? f.getMessage() : "fetch failed");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.put(call.getKey(), "interrupted");
                }
            }
        }
    }
}
