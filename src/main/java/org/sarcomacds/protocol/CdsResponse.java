package org.sarcomacds.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.sarcomacds.cards.Action;
import org.sarcomacds.cards.Card;

/** The answer to a hook call: {@code cards} always present ({@code []} for no advice), system actions only if any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CdsResponse(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Card> cards, List<Action> systemActions) {

    static CdsResponse of(List<Card> cards) {
        return new CdsResponse(cards, List.of());
    }
}
