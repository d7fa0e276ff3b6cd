package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.PatientFacts;
import org.springframework.stereotype.Component;

/**
 * LMS-TRABECTEDIN-NEXT-LINE: metastatic leiomyosarcoma after an anthracycline, trabectedin not yet given. The US
 * indication needs only a prior anthracycline-containing regimen, so ifosfamide is not required.
 */
@Component
class TrabectedinNextLineRule implements Rule {

    static final String ID = "LMS-TRABECTEDIN-NEXT-LINE";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(String hook, PatientFacts facts) {
        if (!hook.equals("patient-view") || facts.activeLeiomyosarcoma().isEmpty() || facts.activeMetastases().isEmpty()
                || facts.exposures(Concepts.DOXORUBICIN).isEmpty() || !facts.exposures(Concepts.TRABECTEDIN).isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        facts.activeLeiomyosarcoma().forEach(f -> evidence.add(new Evidence("Leiomyosarcoma", f)));
        facts.activeMetastases().forEach(f -> evidence.add(new Evidence("Metastatic disease", f)));
        facts.exposures(Concepts.DOXORUBICIN).forEach(f -> evidence.add(new Evidence("Prior anthracycline", f)));
        return Optional.of(new Finding(ID, evidence, Map.of("anthracyclines", "doxorubicin"), List.of(),
                RuleNotes.of(evidence, facts)));
    }
}
