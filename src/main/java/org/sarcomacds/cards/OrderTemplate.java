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
     * @param dose     a number, or a placeholder that the rule fills with one
     * @param doseUnit UCUM unit, e.g. {@code mg} or {@code mg/m2}, or a placeholder
     */
    public record MedicationTemplate(
            String text, List<Coding> codes, String dosageText, String dose, String doseUnit, String route) {

        public MedicationTemplate {
            codes = List.copyOf(codes == null ? List.of() : codes);
        }
    }
}
