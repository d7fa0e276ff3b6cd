package org.sarcomacds.feedback;

/** The feedback store cannot be used as configured; start-up ends with the description and the action. */
public final class StoreUnusableException extends RuntimeException {

    private final String action;

    StoreUnusableException(String description, String action) {
        super(description, null, false, false);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
