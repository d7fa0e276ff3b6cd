package org.sarcomacds.record;

/**
 * Observes how a patient record was gathered, for metrics; the record is built the same with no listener at all.
 * Keys are the services' prefetch keys (a bounded set), plus {@code medication} for reads of referenced
 * Medications. Implementations must be quick and must not throw.
 */
public interface FetchListener {

    /** How a prefetch key was satisfied. */
    enum Source {
        SUPPLIED,
        FETCHED,
        UNAVAILABLE
    }

    /** How one fetch ended. */
    enum Outcome {
        OK,
        ERROR,
        TIMEOUT
    }

    default void prefetch(String key, Source source) {}

    /** One fetch from the FHIR server ended after {@code nanos}. */
    default void fetched(String key, Outcome outcome, long nanos) {}
}
