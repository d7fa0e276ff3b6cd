package org.sarcomacds.record;

/** Data the rules cannot decide without was neither prefetched nor fetchable: the hook call is answered 412. */
public class RequiredDataUnavailableException extends RuntimeException {

    public RequiredDataUnavailableException(String message) {
        super(message);
    }
}
