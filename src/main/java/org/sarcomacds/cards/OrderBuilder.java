package org.sarcomacds.cards;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/** Builds the draft MedicationRequests a suggestion creates, from the reviewed order text and the rule's fills. */
@Component
class OrderBuilder {

    private static final String UCUM = "http://unitsofmeasure.org";

    private final FhirContext fhir;

    OrderBuilder(FhirContext fhir) {
        this.fhir = fhir;
    }

    Suggestion suggestion(OrderTemplate order, Map<String, String> fills, String patientId) {
        List<Action> actions = order.medications().stream()
                .map(m -> new Action(
                        "create",
                        "Create a draft order: " + Placeholders.fill(m.text(), fills),
                        fhir.newJsonParser().encodeResourceToString(request(m, fills, patientId)),
                        null))
                .toList();
        return new Suggestion(
                Placeholders.fill(order.label(), fills), UUID.randomUUID().toString(), null, actions);
    }

    private static MedicationRequest request(
            OrderTemplate.MedicationTemplate template, Map<String, String> fills, String patientId) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(new Reference("Patient/" + patientId));
        CodeableConcept medication = new CodeableConcept().setText(template.text());
        template.codes()
                .forEach(
                        c -> medication.addCoding(new org.hl7.fhir.r4.model.Coding(c.system(), c.code(), c.display())));
        request.setMedication(medication);
        Dosage dosage = request.addDosageInstruction().setText(Placeholders.fill(template.dosageText(), fills));
        if (template.route() != null) {
            dosage.setRoute(new CodeableConcept().setText(template.route()));
        }
        String dose = Placeholders.fill(template.dose(), fills);
        String unit = Placeholders.fill(template.doseUnit(), fills);
        if (dose != null && unit != null) {
            dosage.addDoseAndRate()
                    .setDose(new Quantity()
                            .setValue(new BigDecimal(dose))
                            .setUnit(unit)
                            .setSystem(UCUM)
                            .setCode(unit));
        }
        return request;
    }
}
