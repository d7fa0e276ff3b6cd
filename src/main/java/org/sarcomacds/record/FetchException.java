package org.sarcomacds.record;

/**
 * A FHIR fetch that did not succeed. The message is safe to log and to show the client: no URL, token or patient
 * data, no library names.
 */
public class FetchException extends RuntimeException {

    private final boolean busy;

    public FetchException(String message) {
        this(message, false);
    }

    private FetchException(String message, boolean busy) {
        super(message, null, false, false);
        this.busy = busy;
    }

    /** Not the FHIR server's fault: this service had no room for the fetch just now. */
    static FetchException busy(String message) {
        return new FetchException(message, true);
    }

    boolean busy() {
        return busy;
    }
}
