package org.sarcomacds.record;

/** Turns HAPI's parser messages into diagnostics for a client. */
public final class FhirMessages {

    private FhirMessages() {}

    /** HAPI prefixes its messages with an internal code ("HAPI-1684: "); clients need only the sentence. */
    public static String withoutCode(String message) {
        if (message == null) {
            return "unreadable FHIR";
        }
        String trimmed = message.replaceFirst("^HAPI-\\d+:\\s*", "");
        return trimmed.length() > 300 ? trimmed.substring(0, 300) + "…" : trimmed;
    }
}
