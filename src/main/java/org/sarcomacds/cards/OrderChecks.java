package org.sarcomacds.cards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The start-up checks of the orders a card text drafts: a dose only in mg, a coded route, a timing FHIR accepts. */
final class OrderChecks {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final Set<String> UNITS = Set.of("s", "min", "h", "d", "wk", "mo", "a");

    private OrderChecks() {}

    static void check(List<OrderTemplate> orders, String file) {
        for (OrderTemplate order : orders) {
            if (order.label() == null || order.medications().isEmpty()) {
                throw CardTemplates.invalid(file, "has an order without a label or medications");
            }
            order.medications().forEach(m -> medication(m, file));
        }
    }

    private static void medication(OrderTemplate.MedicationTemplate m, String file) {
        if (m.text() == null || m.codes().isEmpty() || m.dosageText() == null) {
            throw CardTemplates.invalid(file, "has an order medication without text, codes or dosage text");
        }
        if (m.dose() != null) {
            boolean placeholder = CardWords.placeholders(m.dose()).size() == 1
                    && m.dose().startsWith("{{")
                    && m.dose().endsWith("}}");
            if (!"mg".equals(m.doseUnit()) || !placeholder && !number(m.dose())) {
                throw CardTemplates.invalid(file, "has a dose that is not a number or placeholder in mg: " + m.dose());
            }
        }
        if (m.route() == null
                || m.route().coding() == null
                || !SNOMED.equals(m.route().coding().system())
                || m.route().coding().code() == null
                || m.route().coding().display() == null) {
            throw CardTemplates.invalid(file, "has an order of " + m.text() + " without a SNOMED CT route");
        }
        OrderTemplate.Repeat t = m.timing();
        if (t == null
                || t.frequency() == null
                || t.period() == null
                || !UNITS.contains(t.periodUnit())
                || t.duration() != null && !UNITS.contains(t.durationUnit())) {
            throw CardTemplates.invalid(file, "has an order of " + m.text() + " without a valid timing");
        }
    }

    private static boolean number(String text) {
        try {
            return new BigDecimal(text).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
