package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a card's guidance comes from; {@code topic} carries the rule id for analytics. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CardSource(String label, String url, Coding topic) {}
