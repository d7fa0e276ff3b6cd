package org.sarcomacds.protocol;

import java.time.Instant;
import java.util.List;
import org.sarcomacds.cards.Card;
import org.sarcomacds.feedback.IssuedCards;

/**
 * The answer to one hook call, with what the caller needs to log and store it.
 *
 * @param caller        the call in a log line: service, client and the patient's pseudonym (never the patient id)
 * @param hook          the hook answered
 * @param encounterId   the encounter of the call's context, or null
 * @param userId        the user of the call's context
 * @param signFiltering order-select: the client lets its cards keep order-sign from repeating them
 */
public record HookAnswer(
        String serviceId,
        String hookInstance,
        String patientId,
        String caller,
        List<Card> cards,
        String hook,
        String encounterId,
        String userId,
        boolean signFiltering) {

    public HookAnswer {
        cards = List.copyOf(cards);
    }

    /** The response body: {@code {"cards": [...]}}. */
    public CdsResponse response() {
        return CdsResponse.of(cards);
    }

    /** The cards as the feedback store keeps them. */
    IssuedCards issued(Instant at) {
        return new IssuedCards(serviceId, hookInstance, patientId, at, cards, hook, encounterId, userId, signFiltering);
    }
}
