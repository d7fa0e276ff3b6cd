package org.sarcomacds.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.text.Markdown;
import org.springframework.stereotype.Component;

/** LMS-NTRK-FUSION: metastatic leiomyosarcoma with an NTRK fusion, not yet on an NTRK inhibitor. */
@Component
class NtrkFusionRule implements Rule {

    static final String ID = "LMS-NTRK-FUSION";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Finding> evaluate(String hook, PatientFacts facts) {
        boolean onInhibitor = !facts.currentExposures(Concepts.LAROTRECTINIB).isEmpty()
                || !facts.currentExposures(Concepts.ENTRECTINIB).isEmpty();
        if (!hook.equals("patient-view")
                || !Lms.metastatic(facts)
                || facts.ntrkFusions().isEmpty()
                || onInhibitor) {
            return Optional.empty();
        }
        List<Evidence> evidence = Lms.metastaticEvidence(facts);
        facts.ntrkFusions().forEach(f -> evidence.add(new Evidence("NTRK fusion", f)));
        String genes = facts.ntrkFusions().stream()
                .map(Fact::display)
                .map(Markdown::escape)
                .distinct()
                .collect(Collectors.joining(", "));
        return Optional.of(new Finding(ID, evidence, Map.of("fusion", genes), RuleNotes.of(evidence, facts)));
    }
}
