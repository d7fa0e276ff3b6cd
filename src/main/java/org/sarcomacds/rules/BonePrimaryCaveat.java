package org.sarcomacds.rules;

import java.util.List;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.PatientFacts;

/**
 * LMS-BONE-PRIMARY-EXTRAPOLATED: for primary leiomyosarcoma of bone, every card says its evidence is extrapolated
 * from soft-tissue leiomyosarcoma. It is not a card of its own: it qualifies all the others.
 */
final class BonePrimaryCaveat {

    static final String ID = "LMS-BONE-PRIMARY-EXTRAPOLATED";

    private BonePrimaryCaveat() {}

    static List<Finding> apply(List<Finding> findings, PatientFacts facts) {
        List<Evidence> bone = facts.primarySites().stream()
                .filter(f -> f.concept().equals(Concepts.SITE_BONE))
                .map(f -> new Evidence(Phrase.ROLE_PRIMARY_SITE_BONE, f))
                .toList();
        return bone.isEmpty()
                ? findings
                : findings.stream().map(f -> f.withCaveat(ID, bone)).toList();
    }
}
