package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.PatientFacts;

/** The notes every card carries about how sure the match is and what data was missing. */
final class RuleNotes {

    private RuleNotes() {}

    static List<Text> of(List<Evidence> evidence, PatientFacts facts) {
        List<Text> notes = new ArrayList<>();
        for (Evidence e : evidence) {
            Fact fact = e.fact();
            if (fact.byName()) {
                notes.add(Phrase.NOTE_BY_NAME.with(
                        "role", e.role().text(), "matchedOn", fact.matchedOn(), "reference", fact.reference()));
            }
            if (fact.unconfirmed()) {
                notes.add(Phrase.NOTE_UNCONFIRMED.with(
                        "role", e.role().text(), "status", fact.note(), "reference", fact.reference()));
            }
            if (fact.note().equals("no clinical status recorded")) {
                notes.add(Phrase.NOTE_NO_CLINICAL_STATUS.with("reference", fact.reference()));
            }
        }
        facts.gaps().forEach(gap -> notes.add(Phrase.NOTE_GAP.with("gap", gap)));
        return notes.stream().distinct().toList();
    }
}
