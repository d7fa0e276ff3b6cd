package org.sarcomacds.feedback;

import java.time.Instant;
import java.util.List;
import org.sarcomacds.cards.Card;

/**
 * The cards one hook call answered with. The patient, encounter and user ids are here so the store can hash them;
 * they are never stored or logged as such.
 *
 * @param hook          the hook answered, e.g. {@code order-select}
 * @param encounterId   the encounter in the call's context, or null
 * @param userId        the user in the call's context, or null
 * @param signFiltering for order-select: the client lets these cards keep order-sign from repeating them once answered
 */
public record IssuedCards(
        String serviceId,
        String hookInstance,
        String patientId,
        Instant issuedAt,
        List<Card> cards,
        String hook,
        String encounterId,
        String userId,
        boolean signFiltering) {

    public IssuedCards {
        cards = List.copyOf(cards);
    }

    /** Cards of a call whose hook, encounter and user do not matter (analytics only). */
    public IssuedCards(String serviceId, String hookInstance, String patientId, Instant issuedAt, List<Card> cards) {
        this(serviceId, hookInstance, patientId, issuedAt, cards, null, null, null, false);
    }
}
