package org.sarcomacds.security;

/** Client-chosen values quoted in a log reason: one short line, no control characters. */
final class Reasons {

    private Reasons() {}

    static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String flat = value.replaceAll("[^\\x20-\\x7E]", "_");
        return "'" + (flat.length() > 120 ? flat.substring(0, 120) + "…" : flat) + "'";
    }
}
