package org.sarcomacds.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.sarcomacds.cards.Card;
import org.sarcomacds.feedback.Feedback;
import org.sarcomacds.feedback.IssuedCards;
import org.sarcomacds.protocol.HookListener;
import org.sarcomacds.record.FetchListener;
import org.springframework.stereotype.Component;

/**
 * The service's own metrics, all named {@code cds.*} (Prometheus: {@code cds_*}). Every tag value comes from a
 * bounded set — service ids, rule ids, prefetch keys, fixed outcome words — never from client input, and nothing
 * about a patient.
 */
@Component
class CdsMetrics implements HookListener, FetchListener {

    static final String REQUESTS = "cds.requests";
    static final String CARDS = "cds.cards";
    static final String FEEDBACK = "cds.feedback";
    static final String FHIR_FETCH = "cds.fhir.fetch";
    static final String PREFETCH = "cds.prefetch";
    static final String STORE_FAILURES = "cds.store.failures";

    private final MeterRegistry registry;

    CdsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One answered HTTP request of a CDS Hooks endpoint. */
    void request(String service, String endpoint, int status, long nanos) {
        Timer.builder(REQUESTS)
                .description("CDS Hooks requests by service, endpoint and HTTP status")
                .tag("service", service)
                .tag("endpoint", endpoint)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    @Override
    public void cardsIssued(IssuedCards issued) {
        for (Card card : issued.cards()) {
            Counter.builder(CARDS)
                    .description("Cards issued by rule and indicator")
                    .tag("service", issued.serviceId())
                    .tag("rule", card.ruleId() == null ? "-" : card.ruleId())
                    .tag("indicator", card.indicator())
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void feedbackReceived(String serviceId, Feedback feedback, boolean isNew) {
        Counter.builder(FEEDBACK)
                .description("Feedback items by outcome; repeats are items already stored")
                .tag("service", serviceId)
                .tag("outcome", feedback.outcome())
                .tag("stored", isNew ? "new" : "repeat")
                .register(registry)
                .increment();
    }

    @Override
    public void storeFailed(String what) {
        Counter.builder(STORE_FAILURES)
                .description("Writes to the feedback store that failed")
                .tag("operation", what)
                .register(registry)
                .increment();
    }

    @Override
    public void prefetch(String key, Source source) {
        Counter.builder(PREFETCH)
                .description("Prefetch keys by how they were satisfied: supplied, fetched, unavailable")
                .tag("key", key)
                .tag("source", source.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public void fetched(String key, Outcome outcome, long nanos) {
        Timer.builder(FHIR_FETCH)
                .description("FHIR fetches by prefetch key and outcome (ok, error, timeout)")
                .tag("key", key)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
