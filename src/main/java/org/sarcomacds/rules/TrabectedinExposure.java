package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.facts.PatientFacts;

/**
 * When the trabectedin safety rules speak: a trabectedin draft under review on an order hook (order-select: the
 * selected one; order-sign: any), or trabectedin running on patient-view — always for a patient with leiomyosarcoma.
 */
final class TrabectedinExposure {

    private TrabectedinExposure() {}

    static boolean concerned(PatientFacts facts) {
        if (facts.leiomyosarcoma().isEmpty()) {
            return false;
        }
        return facts.hook() == Hook.PATIENT_VIEW
                ? !facts.currentExposures(Concepts.TRABECTEDIN).isEmpty()
                : !facts.draftsUnderReview(Concepts.TRABECTEDIN).isEmpty();
    }

    static List<Evidence> evidence(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        if (facts.hook() == Hook.PATIENT_VIEW) {
            facts.currentExposures(Concepts.TRABECTEDIN)
                    .forEach(f -> evidence.add(new Evidence(Phrase.ROLE_CURRENT_TRABECTEDIN, f)));
        } else {
            facts.drafts(Concepts.TRABECTEDIN)
                    .forEach(d -> evidence.add(new Evidence(Phrase.ROLE_DRAFT_ORDER, d.drug())));
        }
        return evidence;
    }
}
