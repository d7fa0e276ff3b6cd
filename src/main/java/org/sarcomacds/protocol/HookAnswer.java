package org.sarcomacds.protocol;

import java.util.List;
import org.sarcomacds.cards.Card;

/**
 * The answer to one hook call, with what the caller needs to log and store it.
 *
 * @param caller the call in a log line: service, client and the patient's pseudonym (never the patient id)
 */
public record HookAnswer(String serviceId, String hookInstance, String patientId, String caller, List<Card> cards) {

    public HookAnswer {
        cards = List.copyOf(cards);
    }

    /** The response body: {@code {"cards": [...]}}. */
    public CdsResponse response() {
        return CdsResponse.of(cards);
    }
}
