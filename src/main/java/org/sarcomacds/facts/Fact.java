package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.Optional;

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
 * @param end                when a Condition abated ({@code abatement[x]}) or a medication use ended ({@code
 *                           effectivePeriod.end}), when recorded
 * @param use                for a medication: its route, why it stopped, its CYP3A effect; {@link Use#NONE} otherwise
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
        Double gramsPerM2PerCycle,
        LocalDate end,
        Use use) {

    public Fact {
        note = note == null ? "" : note;
        use = use == null ? Use.NONE : use;
    }

    public Fact(
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
        this(
                concept,
                display,
                reference,
                status,
                current,
                when,
                matchedOn,
                byName,
                note,
                start,
                gramsPerM2PerCycle,
                null,
                Use.NONE);
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

    /**
     * True when a Condition's verification status is provisional, differential or unconfirmed, or when a name was
     * recognised only where the free text doubts it ("?leiomyosarcoma"): the note says which.
     */
    public boolean unconfirmed() {
        return note.startsWith(UNCONFIRMED);
    }

    static final String UNCONFIRMED = "not confirmed";

    /** The same fact ending on {@code date}. */
    public Fact withEnd(LocalDate date) {
        return with(date, use);
    }

    /** The same fact with these medication details. */
    public Fact withUse(Use details) {
        return with(end, details);
    }

    private Fact with(LocalDate newEnd, Use newUse) {
        return new Fact(
                concept,
                display,
                reference,
                status,
                current,
                when,
                matchedOn,
                byName,
                note,
                start,
                gramsPerM2PerCycle,
                newEnd,
                newUse);
    }

    /** How the medication is given: systemic, not systemic, or unknown (not recorded), with what said so. */
    public Route route() {
        return use.route();
    }

    public Route.Systemic systemic() {
        return use.route().systemic();
    }

    /** Why a medication use ended: progression, toxicity, completed, other; NONE while it runs (or for a Condition). */
    public StopCategory stopCategory() {
        return use.stop().category();
    }

    /** The record's words on why the medication stopped (statusReason and note), or empty. */
    public String stopDetail() {
        return use.stop().detail();
    }

    /** A medication recorded as planned only (MedicationStatement status {@code intended}): not given yet. */
    public boolean planned() {
        return status.equals("intended");
    }

    /** True when the stop reason names progression, and does not negate it. */
    public boolean progressionRecorded() {
        return use.stop().progression();
    }

    /** True when the stop reason names a toxicity (rhabdomyolysis, hepatotoxicity, intolerance, …), not negated. */
    public boolean toxicityRecorded() {
        return use.stop().toxicity();
    }

    /** How the drug changes CYP3A activity, for a drug of a CYP3A value set. */
    public Optional<Cyp3a> cyp3a() {
        return Optional.ofNullable(use.cyp3a());
    }

    public Optional<Cyp3a.Strength> strength() {
        return cyp3a().map(Cyp3a::strength);
    }

    public Optional<Cyp3a.Effect> effect() {
        return cyp3a().map(Cyp3a::effect);
    }

    /** Why a medication use ended, as the record says it. */
    public enum StopCategory {
        PROGRESSION,
        TOXICITY,
        COMPLETED,
        OTHER,
        /** Still running, or not a medication. */
        NONE
    }

    /**
     * Why a medication use ended.
     *
     * @param category    the category: progression where the reason names it, else toxicity where it names one, else
     *                    completed (status completed) or other (stopped, no reason we read)
     * @param detail      the record's words: statusReason and note texts, joined
     * @param progression the reason names progression ("progression", "PD", "refractory"), not negated
     * @param toxicity    the reason names a toxicity, not negated
     */
    public record Stop(StopCategory category, String detail, boolean progression, boolean toxicity) {

        public static final Stop NONE = new Stop(StopCategory.NONE, "", false, false);

        public Stop {
            detail = detail == null ? "" : detail;
        }
    }

    /**
     * The details of a medication use.
     *
     * @param route how it is given
     * @param stop  why it ended
     * @param cyp3a how the drug changes CYP3A activity, or null
     */
    public record Use(Route route, Stop stop, Cyp3a cyp3a) {

        public static final Use NONE = new Use(Route.NOT_RECORDED, Stop.NONE, null);

        public Use {
            route = route == null ? Route.NOT_RECORDED : route;
            stop = stop == null ? Stop.NONE : stop;
        }
    }
}
