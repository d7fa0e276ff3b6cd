package org.sarcomacds.protocol;

/** Client-supplied identifiers reduced to a short, single-line token before they reach a log or a message. */
final class LogText {

    private LogText() {}

    /**
     * Letters, digits and the characters of a URL's scheme, host and path stay (an issuer reads
     * {@code https://ehr.example.org}); anything else, control characters and spaces included, becomes {@code _}.
     */
    static String token(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9._:/~%+@-]", "_");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }

    /** A message that may quote client input, kept to one line of bounded length. */
    static String line(String message) {
        if (message == null) {
            return "-";
        }
        String flat = message.replaceAll("\\p{Cntrl}", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
