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

    /** Per rule: cards shown and feedback received within [from, to). */
    List<RuleSummary> summarize(Instant from, Instant to);
}
