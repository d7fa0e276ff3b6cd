package org.sarcomacds.record;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code medicationReference}: relative ({@code Medication/x}) or absolute ({@code https://…/Medication/x}). */
public final class MedicationReferences {

    private static final Pattern MEDICATION = Pattern.compile("(?:^|/)(Medication/[A-Za-z0-9\\-.]{1,64})$");

    private MedicationReferences() {}

    /** The relative reference, or empty for a contained ({@code #x}) or unreadable one. */
    public static Optional<String> relative(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        Matcher matcher = MEDICATION.matcher(reference);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
