package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.PatientFacts;

/** The notes every card carries about how sure the match is and what data was missing. */
final class RuleNotes {

    private RuleNotes() {}

    static List<String> of(List<Evidence> evidence, PatientFacts facts) {
        List<String> notes = new ArrayList<>();
        for (Evidence e : evidence) {
            Fact fact = e.fact();
            if (fact.byName()) {
                notes.add(e.role() + " was recognised by name only (" + fact.matchedOn() + " in " + fact.reference()
                        + "), not by a code: check the record.");
            }
            if (fact.unconfirmed()) {
                notes.add(e.role() + " is " + fact.note() + " in " + fact.reference()
                        + ": confirm it before acting on this card.");
            }
            if (fact.note().equals("no clinical status recorded")) {
                notes.add(fact.reference() + " has no clinical status; it was taken as active.");
            }
        }
        facts.gaps().forEach(gap -> notes.add("Not available when this card was made: " + gap + "."));
        return notes.stream().distinct().toList();
    }
}
