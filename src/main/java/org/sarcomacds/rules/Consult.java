package org.sarcomacds.rules;

import java.util.List;

/**
 * The next-line consult: the one card the option rules ({@link RuleSpec#isOption()}) of a patient-view make together,
 * composed in the cards stage. Its card text is {@code hooks/cards/LMS-NEXT-LINE-OPTIONS.json}; the variants below are
 * the lines it may say before the options, which option findings pass as {@link Finding#topLines()}.
 */
public final class Consult {

    public static final String ID = "LMS-NEXT-LINE-OPTIONS";

    /** A metastasis Condition that is provisional, differential or unconfirmed. */
    static final Variant METASTASIS_UNCONFIRMED = Variant.of("metastasis-unconfirmed", "status", "reference");

    public static final List<Variant> VARIANTS = List.of(METASTASIS_UNCONFIRMED);

    private Consult() {}

    public static String cardFile() {
        return "cards/" + ID + ".json";
    }
}
