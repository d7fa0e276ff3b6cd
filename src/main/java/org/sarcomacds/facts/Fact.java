package org.sarcomacds.facts;

/**
 * One thing the record says, with the resource it came from.
 *
 * @param concept   the value set id that matched, e.g. {@code leiomyosarcoma-histology} or {@code doxorubicin}
 * @param display   what the record calls it, e.g. "Leiomyosarcoma of uterus"
 * @param reference the resource, e.g. {@code Condition/abc}
 * @param status    the record's status, e.g. "active", "completed"
 * @param current   true for an active Condition or a medication being taken now
 * @param when      onset or period as recorded, or empty
 * @param matchedOn what matched, e.g. "ICD-O-3 8890/3" or "the name \"doxorubicin\""
 * @param byName    true when only a drug or diagnosis name matched, not a code
 */
public record Fact(
        String concept,
        String display,
        String reference,
        String status,
        boolean current,
        String when,
        String matchedOn,
        boolean byName) {}
