package org.sarcomacds.rules;

import org.sarcomacds.facts.Fact;

/**
 * A fact a rule relied on, and the part it played.
 *
 * @param role e.g. {@link Phrase#ROLE_LEIOMYOSARCOMA}, {@link Phrase#ROLE_PRIOR_ANTHRACYCLINE}: its words are in
 *             {@code hooks/cards/_phrases.json}
 */
public record Evidence(Phrase role, Fact fact) {}
