package org.sarcomacds.record;

/** The client sent prefetch data that is not FHIR R4: a client error, answered 400. */
public class InvalidPrefetchException extends RuntimeException {

    public InvalidPrefetchException(String message) {
        super(message, null, false, false);
    }
}
