package org.sarcomacds.record;

/**
 * Required data could not be fetched because this service was at its limit (FHIR answers in memory), not because the
 * EHR lacks it: a temporary condition, answered 503 so the client may try again.
 */
public class FetchCapacityException extends RuntimeException {

    public FetchCapacityException(String message) {
        super(message, null, false, false);
    }
}
