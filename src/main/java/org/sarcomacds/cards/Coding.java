package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A CDS Hooks Coding: {@code display} is required for override reasons. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Coding(String system, String code, String display) {}
