package org.sarcomacds.feedback;

import java.time.Instant;
import java.util.List;

/** Where issued cards and the feedback on them are kept for the CDS committee's analytics. */
public interface FeedbackStore {

    /**
     * Records every card of these hook answers in one transaction; the write is committed when this returns. Hook
     * calls hand their cards to {@link IssuedCardWriter}, which calls this off the request thread.
     */
    void recordIssued(List<IssuedCards> calls);

    /**
     * Records one feedback item once: the same (card, outcome, outcome time) again changes nothing, whichever
     * service it is sent to. The write is committed when this returns.
     *
     * @return true when the item was new
     */
    boolean recordFeedback(String serviceId, Feedback feedback);

    /** Per rule: cards shown and feedback received within [from, to); option rules counted inside the consult. */
    List<RuleSummary> summarize(Instant from, Instant to);

    /**
     * True when an order-select card of this rule, for this patient, encounter and user, with the same or a more
     * urgent indicator, was answered (accepted or overridden) for every one of these draft orders, and its client
     * did not refuse order-sign filtering. Read after the rules, never by one.
     *
     * @param indicators the indicators that count: the card's own and the more urgent ones
     */
    boolean answeredAtSelect(
            String patientId,
            String encounterId,
            String userId,
            String ruleId,
            List<String> indicators,
            List<String> draftIds);
}
