package org.sarcomacds.rules;

import java.util.List;

/**
 * The next-line consult: the one card the option rules ({@link RuleSpec#isOption()}) of a patient-view make together,
 * composed in the cards stage. Its card text is {@code hooks/cards/LMS-NEXT-LINE-OPTIONS.json}; the variants below are
 * the lines it may say before the options, which option findings pass as {@link Finding#topLines()}.
 */
public final class Consult {

    public static final String ID = "LMS-NEXT-LINE-OPTIONS";

    /** A metastasis Condition that is provisional, differential or unconfirmed: no order is drafted. */
    static final Variant METASTASIS_UNCONFIRMED = Variant.of("metastasis-unconfirmed", "status", "reference");
    /** A leiomyosarcoma Condition that is provisional, differential, unconfirmed or doubted: no order is drafted. */
    static final Variant LEIOMYOSARCOMA_UNCONFIRMED = Variant.of("leiomyosarcoma-unconfirmed", "status", "reference");
    /** A recent ECOG at or above {@code ecog.lineFromScore}. */
    static final Variant ECOG_POOR = Variant.of("ecog-poor", "score", "date");
    /** No ECOG in the record. */
    static final Variant ECOG_NOT_RECORDED = Variant.of("ecog-not-recorded", "days");
    /** No ECOG grade in the record, but an ECOG result whose value could not be read as one. */
    static final Variant ECOG_NOT_READABLE = Variant.of("ecog-not-readable", "reference");
    /** The latest ECOG is older than {@code ecog.validDays}. */
    static final Variant ECOG_STALE = Variant.of("ecog-stale", "days", "score", "date");
    /** Systemic therapy is current and no progression on it is recorded: no next-line order is drafted. */
    static final Variant CURRENT_LINE = Variant.of("current-line", "therapies");
    /** One therapy of the current line, with its start. */
    static final Variant CURRENT_THERAPY = Variant.of("current-therapy", "drug", "since");
    /** One therapy of the current line, start not recorded. */
    static final Variant CURRENT_THERAPY_UNDATED = Variant.of("current-therapy-undated", "drug");

    public static final List<Variant> VARIANTS = List.of(
            METASTASIS_UNCONFIRMED,
            LEIOMYOSARCOMA_UNCONFIRMED,
            ECOG_POOR,
            ECOG_NOT_RECORDED,
            ECOG_NOT_READABLE,
            ECOG_STALE,
            CURRENT_LINE,
            CURRENT_THERAPY,
            CURRENT_THERAPY_UNDATED);

    private Consult() {}

    public static String cardFile() {
        return "cards/" + ID + ".json";
    }
}
