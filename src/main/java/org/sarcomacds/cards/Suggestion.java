package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One button on a card: a label and the actions taken together when it is accepted. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {}
