package org.sarcomacds.rules;

import org.sarcomacds.facts.Fact;

/**
 * A fact a rule relied on, and the part it played.
 *
 * @param role e.g. "Leiomyosarcoma", "Prior anthracycline", "Draft order"
 */
public record Evidence(String role, Fact fact) {}
