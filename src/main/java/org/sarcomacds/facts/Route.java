package org.sarcomacds.facts;

/**
 * Whether a medication is given systemically, and what in the record says so.
 *
 * @param systemic what the record says
 * @param basis    what decided it, e.g. "route SNOMED CT 26643006", "route \"topical\"", "dose form \"Medicated
 *                 Shampoo\"", "name \"2% shampoo\""; "not recorded" when nothing did
 */
public record Route(Systemic systemic, String basis) {

    /** Nothing in the record says how the medication is given. */
    public static final Route NOT_RECORDED = new Route(Systemic.UNKNOWN, "not recorded");

    public enum Systemic {
        SYSTEMIC,
        NON_SYSTEMIC,
        /** Not recorded, or the record says both: counts as systemic, and a card says the route was not recorded. */
        UNKNOWN
    }
}
