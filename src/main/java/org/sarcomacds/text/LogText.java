package org.sarcomacds.text;

/**
 * The one way a value a client chose reaches a log line or an error message: made single-line, printable and short,
 * so it cannot forge a log line, carry a token in full, or flood the log.
 */
public final class LogText {

    private LogText() {}

    /**
     * An identifier (hookInstance, service id, issuer, card id), reduced to a short token of safe characters: letters,
     * digits and the characters of a URL's scheme, host and path stay (an issuer reads {@code https://ehr.example.org});
     * anything else, control characters and spaces included, becomes {@code _}.
     */
    public static String token(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9._:/~%+@-]", "_");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    /** A message that may quote client input, kept to one line of bounded length. */
    public static String line(String message) {
        if (message == null) {
            return "-";
        }
        String flat = message.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** A value quoted in a reason, e.g. {@code 'RS256'}: printable ASCII only, at most 120 characters. */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String flat = value.replaceAll("[^\\x20-\\x7E]", "_");
        return "'" + (flat.length() > 120 ? flat.substring(0, 120) + "…" : flat) + "'";
    }
}
