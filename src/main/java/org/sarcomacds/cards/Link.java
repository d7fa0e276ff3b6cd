package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A card link; this service only issues {@code absolute} links. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Link(String label, String url, String type) {}
