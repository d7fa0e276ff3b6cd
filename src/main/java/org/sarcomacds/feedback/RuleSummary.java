package org.sarcomacds.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one rule's cards in a time window.
 *
 * @param shown           cards issued in the window; for an option rule, the consults that listed it
 * @param accepted        accepted feedback whose outcome time lies in the window; for an option rule, the accepted
 *                        feedback that named one of its suggestions
 * @param overridden      overridden feedback whose outcome time lies in the window (an option has none of its own)
 * @param overrideReasons override reason code to count; {@code (none)} for overrides without a reason
 * @param partOf          for an option rule: the card its options are shown in (the next-line consult); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSummary(
        String ruleId, long shown, long accepted, long overridden, Map<String, Long> overrideReasons, String partOf) {

    /**
     * The "rule" of feedback on cards the store has no issued row for: issued before the store existed, lost to a
     * {@code kill -9} before its batch was written, or never issued by this service. Kept, but apart from the rules.
     */
    public static final String UNKNOWN_CARD = "(unknown card)";

    public RuleSummary {
        overrideReasons = Collections.unmodifiableMap(new TreeMap<>(overrideReasons));
    }

    public RuleSummary(String ruleId, long shown, long accepted, long overridden, Map<String, Long> overrideReasons) {
        this(ruleId, shown, accepted, overridden, overrideReasons, null);
    }

    public boolean aboutUnknownCards() {
        return UNKNOWN_CARD.equals(ruleId);
    }
}
