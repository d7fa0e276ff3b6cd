package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.facts.PatientFacts;

/** The notes every card carries about how sure the match is and what data was missing. */
final class RuleNotes {

    private RuleNotes() {}

    static List<String> of(List<Evidence> evidence, PatientFacts facts) {
        List<String> notes = new ArrayList<>();
        evidence.stream().filter(e -> e.fact().byName()).forEach(e -> notes.add(
                e.role() + " was recognised by name only (" + e.fact().matchedOn() + " in " + e.fact().reference()
                        + "), not by a code: check the record."));
        facts.gaps().forEach(gap -> notes.add("Not available when this card was made: " + gap + "."));
        return notes;
    }
}
