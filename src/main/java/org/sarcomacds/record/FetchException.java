package org.sarcomacds.record;

/** A FHIR fetch that did not succeed. The message is safe to log: no URL, token or patient data. */
public class FetchException extends RuntimeException {

    public FetchException(String message) {
        super(message, null, false, false);
    }
}
