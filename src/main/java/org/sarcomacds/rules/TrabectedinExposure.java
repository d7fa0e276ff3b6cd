package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.PatientFacts;

/**
 * When the trabectedin safety rules speak: a trabectedin draft in order-sign, the selected trabectedin draft in
 * order-select, or trabectedin running on patient-view — always for a patient with leiomyosarcoma.
 */
final class TrabectedinExposure {

    private TrabectedinExposure() {}

    static boolean concerned(String hook, PatientFacts facts) {
        if (facts.leiomyosarcoma().isEmpty()) {
            return false;
        }
        return switch (hook) {
            case "patient-view" -> !facts.currentExposures(Concepts.TRABECTEDIN).isEmpty();
            case "order-select" -> facts.drafts(Concepts.TRABECTEDIN).stream().anyMatch(DraftOrder::selected);
            case "order-sign" -> !facts.drafts(Concepts.TRABECTEDIN).isEmpty();
            default -> false;
        };
    }

    static List<Evidence> evidence(String hook, PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.leiomyosarcoma().forEach(f -> evidence.add(new Evidence("Leiomyosarcoma", f)));
        if (hook.equals("patient-view")) {
            facts.currentExposures(Concepts.TRABECTEDIN)
                    .forEach(f -> evidence.add(new Evidence("Current trabectedin", f)));
        } else {
            facts.drafts(Concepts.TRABECTEDIN).forEach(d -> evidence.add(new Evidence("Draft order", d.drug())));
        }
        return evidence;
    }
}
