package org.sarcomacds.feedback;

import java.time.Instant;
import java.util.List;
import org.sarcomacds.cards.Card;

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
     * True when an order-select card identical in substance to this order-sign card — the same rule, indicator,
     * summary and detail — was answered (accepted or overridden) for this patient, encounter and user, for every draft
     * order this card is about ({@link Card#concerns()}), and its client did not refuse order-sign filtering. A card
     * that says anything new (another failed criterion, a newer result, a more urgent indicator) was not answered.
     * Read after the rules, never by one.
     */
    boolean answeredAtSelect(String patientId, String encounterId, String userId, Card card);
}
