package org.sarcomacds.protocol;

import org.sarcomacds.feedback.Feedback;
import org.sarcomacds.feedback.IssuedCards;

/**
 * Observes what the CDS Hooks endpoints did, for metrics; the endpoints work the same with no listener at all.
 * Implementations must be quick and must not throw.
 */
public interface HookListener {

    /** A hook call was answered 200 with these cards (possibly none). */
    default void cardsIssued(IssuedCards issued) {}

    /** A valid feedback item was stored ({@code isNew}) or was a repeat of one already stored. */
    default void feedbackReceived(String serviceId, Feedback feedback, boolean isNew) {}

    /** The feedback store could not be written; {@code what} is {@code issued} or {@code feedback}. */
    default void storeFailed(String what) {}
}
