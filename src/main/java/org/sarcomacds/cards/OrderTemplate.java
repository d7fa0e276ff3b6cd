package org.sarcomacds.cards;

import java.util.List;

/**
 * An order a card offers, as reviewed text in {@code hooks/cards/}: one suggestion that creates a MedicationRequest per
 * medication. {@code {{placeholders}}} are filled by the rule (e.g. the dose from body surface area).
 */
public record OrderTemplate(String label, List<MedicationTemplate> medications) {

    public OrderTemplate {
        medications = List.copyOf(medications == null ? List.of() : medications);
    }

    /**
     * @param dose       a dose in mg: a number (a fixed dose), or a placeholder the rule fills with the mg it computed;
     *                   when the rule fills none, the order carries no dose quantity, only its text
     * @param doseUnit   always {@code mg}: a dose per m² is never a quantity (an EHR that drops the unit would order
     *                   1.5 mg)
     * @param route      the coded route (SNOMED CT), with its text
     * @param timing     {@code Dosage.timing.repeat}
     */
    public record MedicationTemplate(
            String text,
            List<Coding> codes,
            String dosageText,
            String dose,
            String doseUnit,
            Route route,
            Repeat timing) {

        public MedicationTemplate {
            codes = List.copyOf(codes == null ? List.of() : codes);
        }
    }

    /** A coded route, e.g. SNOMED CT 47625008 "Intravenous route", and what the order says about it. */
    public record Route(Coding coding, String text) {}

    /**
     * When the medication is given: {@code frequency} times per {@code period} {@code periodUnit}, each administration
     * lasting {@code duration} {@code durationUnit} (an infusion), for {@code boundsDays} days when given.
     */
    public record Repeat(
            Integer frequency,
            Integer period,
            String periodUnit,
            Integer duration,
            String durationUnit,
            Integer boundsDays) {}
}
