package org.sarcomacds.feedback;

import java.time.Instant;
import java.util.List;
import org.sarcomacds.cards.Card;

/**
 * The cards one hook call answered with. The patient id is here so the store can hash it; it is never stored or
 * logged as such.
 */
public record IssuedCards(String serviceId, String hookInstance, String patientId, Instant issuedAt, List<Card> cards) {

    public IssuedCards {
        cards = List.copyOf(cards);
    }
}
