package org.sarcomacds.facts;

import java.time.LocalDate;

/**
 * One thing the record says, with the resource it came from.
 *
 * @param concept            the value set id that matched, e.g. {@code leiomyosarcoma-histology} or {@code doxorubicin}
 * @param display            what the record calls it, e.g. "Leiomyosarcoma of uterus"
 * @param reference          the resource, e.g. {@code Condition/abc}
 * @param status             the record's status, e.g. "active", "completed"
 * @param current            true for an active Condition or a medication being taken now
 * @param when               onset or period as recorded, or empty
 * @param matchedOn          what matched, e.g. "ICD-O-3 8890/3" or "the name \"doxorubicin\""
 * @param byName             true when only a drug or diagnosis name matched, not a code
 * @param note               what else the record says that a card should show: why a drug was stopped, or that a
 *                           diagnosis is not confirmed; empty when nothing
 * @param start              onset of a Condition or start of a medication, when recorded
 * @param gramsPerM2PerCycle a structured dose per cycle in g/m², when recorded (ifosfamide)
 */
public record Fact(
        String concept,
        String display,
        String reference,
        String status,
        boolean current,
        String when,
        String matchedOn,
        boolean byName,
        String note,
        LocalDate start,
        Double gramsPerM2PerCycle) {

    public Fact {
        note = note == null ? "" : note;
    }

    public Fact(
            String concept,
            String display,
            String reference,
            String status,
            boolean current,
            String when,
            String matchedOn,
            boolean byName) {
        this(concept, display, reference, status, current, when, matchedOn, byName, "", null, null);
    }

    /** True when a Condition's verification status is provisional, differential or unconfirmed. */
    public boolean unconfirmed() {
        return note.startsWith(UNCONFIRMED);
    }

    static final String UNCONFIRMED = "not confirmed";
}
