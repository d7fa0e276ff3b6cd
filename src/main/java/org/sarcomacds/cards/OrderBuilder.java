package org.sarcomacds.cards;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.sarcomacds.rules.Phrase;
import org.springframework.stereotype.Component;

/**
 * Builds the draft MedicationRequests a suggestion creates, from the reviewed order text and the rule's fills: the
 * dosage text, a structured timing ({@code timing.repeat}), a coded route, the Condition treated
 * ({@code reasonReference}) and a dose quantity in mg only when the order's dose is fixed or the rule computed it.
 */
@Component
class OrderBuilder {

    private static final String UCUM = "http://unitsofmeasure.org";

    private final FhirContext fhir;

    OrderBuilder(FhirContext fhir) {
        this.fhir = fhir;
    }

    Suggestion suggestion(OrderTemplate order, OrderText text, String patientId, String reason) {
        List<Action> actions = order.medications().stream()
                .map(m -> new Action(
                        "create",
                        text.words().phrase(Phrase.ACTION_CREATE, Map.of("medication", text.plain(m.dosageText()))),
                        fhir.newJsonParser().encodeResourceToString(request(m, text, patientId, reason)),
                        null))
                .toList();
        return new Suggestion(text.plain(order.label()), UUID.randomUUID().toString(), null, actions);
    }

    private static MedicationRequest request(
            OrderTemplate.MedicationTemplate template, OrderText text, String patientId, String reason) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/" + patientId));
        request.addReasonReference(new Reference(reason));
        CodeableConcept medication = new CodeableConcept().setText(template.text());
        template.codes().forEach(c -> medication.addCoding(coding(c)));
        request.setMedication(medication);
        Dosage dosage = request.addDosageInstruction().setText(text.plain(template.dosageText()));
        dosage.setTiming(timing(template.timing()));
        dosage.setRoute(new CodeableConcept()
                .addCoding(coding(template.route().coding()))
                .setText(template.route().text()));
        text.dose(template.dose())
                .ifPresent(mg -> dosage.addDoseAndRate()
                        .setDose(new Quantity()
                                .setValue(new BigDecimal(mg))
                                .setUnit("mg")
                                .setSystem(UCUM)
                                .setCode("mg")));
        return request;
    }

    private static Timing timing(OrderTemplate.Repeat repeat) {
        Timing.TimingRepeatComponent r = new Timing.TimingRepeatComponent()
                .setFrequency(repeat.frequency())
                .setPeriod(repeat.period())
                .setPeriodUnit(Timing.UnitsOfTime.fromCode(repeat.periodUnit()));
        if (repeat.duration() != null) {
            r.setDuration(repeat.duration()).setDurationUnit(Timing.UnitsOfTime.fromCode(repeat.durationUnit()));
        }
        if (repeat.boundsDays() != null) {
            r.setBounds(new Duration()
                    .setValue(repeat.boundsDays())
                    .setUnit("d")
                    .setSystem(UCUM)
                    .setCode("d"));
        }
        return new Timing().setRepeat(r);
    }

    private static org.hl7.fhir.r4.model.Coding coding(Coding c) {
        return new org.hl7.fhir.r4.model.Coding(c.system(), c.code(), c.display());
    }

    /**
     * The texts of one finding's orders: placeholders filled as plain text with the rule's values.
     *
     * @param fills    the finding's values
     * @param variants the words of the rule's variants
     */
    record OrderText(CardWords words, Map<String, Object> fills, Map<String, String> variants) {

        String plain(String template) {
            return words.fill(template, fills, variants, false);
        }

        /** The dose in mg: the fixed number, or the value the rule filled; empty when the rule computed none. */
        Optional<String> dose(String template) {
            if (template == null) {
                return Optional.empty();
            }
            if (!template.startsWith("{{")) {
                return Optional.of(template);
            }
            Object value = fills.get(template.substring(2, template.length() - 2));
            return value instanceof String mg ? Optional.of(mg) : Optional.empty();
        }
    }
}
