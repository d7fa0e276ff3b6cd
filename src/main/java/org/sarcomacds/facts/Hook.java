package org.sarcomacds.facts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CDS hooks this service answers, with the context fields each one requires. A type, not a string: the rule
 * registry declares the hooks each rule answers, and the facts know which hook they were read for.
 */
public enum Hook {
    PATIENT_VIEW("patient-view", false, false),
    ORDER_SELECT("order-select", true, true),
    ORDER_SIGN("order-sign", true, false);

    private final String id;
    private final boolean hasDraftOrders;
    private final boolean hasSelections;

    Hook(String id, boolean hasDraftOrders, boolean hasSelections) {
        this.id = id;
        this.hasDraftOrders = hasDraftOrders;
        this.hasSelections = hasSelections;
    }

    public String id() {
        return id;
    }

    public boolean hasDraftOrders() {
        return hasDraftOrders;
    }

    public boolean hasSelections() {
        return hasSelections;
    }

    public static Optional<Hook> byId(String id) {
        return Arrays.stream(values()).filter(h -> h.id.equals(id)).findFirst();
    }
}
