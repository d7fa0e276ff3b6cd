package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.JsonNode;

/**
 * Binds prefetched JSON into HAPI's R4 model with only the elements the facts read, straight from the request's JSON
 * tree. HAPI's generic parser visits every element of every resource through its reflective model; for a chart of a
 * few hundred resources that was half the cost of a hook call, for data no rule looks at (narrative, meta,
 * identifiers, performers, encounters, categories…). Bundles, Conditions, medication uses,
 * Medications, Observations and Patients are bound here; any other resource (an OperationOutcome, say) goes to
 * HAPI's parser whole. A value of the wrong JSON type or an unknown code is left out, as HAPI's lenient parser
 * leaves it unset, except a number where FHIR has text, which is refused. Draft orders are bound here too. What is bound is what the readers declare ({@link ReadElements}:
 * {@code RecordBuilder.READS}, {@code FactExtractor.READS}); {@code LeanBindingTest} checks on every fixture that this
 * binder binds exactly those elements, that the readers need no others, and that the facts are those of HAPI's full
 * binding. When a reader starts to use another element, it declares it, and the test names what to bind here.
 */
public final class PrefetchBinder {

    private PrefetchBinder() {}

    /** The resource or Bundle the JSON object describes; HAPI's {@code DataFormatException} when it is not FHIR R4. */
    public static IBaseResource bind(FhirContext fhir, JsonNode json) {
        String type = text(json, "resourceType");
        Resource resource = type == null ? null : bound(fhir, type, json);
        return resource != null ? resource : FhirJson.parse(fhir, json);
    }

    private static Resource bound(FhirContext fhir, String type, JsonNode json) {
        try {
            return boundAs(fhir, type, json);
        } catch (NumbersInText.Refused e) {
            throw e.within(type); // a Bundle's entries name their own type
        }
    }

    private static Resource boundAs(FhirContext fhir, String type, JsonNode json) {
        switch (type) {
            case "Bundle":
                return bundle(fhir, json);
            case "Patient":
                return patient(json);
            case "Condition":
                return condition(json);
            case "Observation":
                return observation(json);
            case "MedicationStatement":
                return statement(json);
            case "MedicationRequest":
                return request(json);
            case "Medication":
                return medication(json);
            default:
                return null;
        }
    }

    private static Bundle bundle(FhirContext fhir, JsonNode json) {
        Bundle bundle = new Bundle();
        each(
                json,
                "link",
                link -> bundle.addLink().setRelation(text(link, "relation")).setUrl(text(link, "url")));
        each(json, "entry", entry -> {
            JsonNode resource = entry.get("resource");
            if (resource != null && !resource.isObject()) {
                throw new DataFormatException("Bundle.entry.resource must be a JSON object");
            }
            if (resource != null) {
                Resource bound = (Resource) bind(fhir, resource);
                String fullUrl = text(entry, "fullUrl");
                if (fullUrl != null && !fullUrl.isBlank()) {
                    bound.setIdElement(new IdType(fullUrl)); // as HAPI does: the entry's fullUrl names the resource
                }
                bundle.addEntry().setFullUrl(fullUrl).setResource(bound);
            }
        });
        return bundle;
    }

    private static Patient patient(JsonNode json) {
        Patient patient = identified(new Patient(), json);
        code(json, "gender", AdministrativeGender::fromCode, patient::setGender);
        date(json, "birthDate", DateType::new, patient::setBirthDateElement);
        return patient;
    }

    private static Condition condition(JsonNode json) {
        Condition condition = identified(new Condition(), json);
        condition.setSubject(reference(json.get("subject")));
        condition.setClinicalStatus(concept(json.get("clinicalStatus")));
        condition.setVerificationStatus(concept(json.get("verificationStatus")));
        condition.setCode(concept(json.get("code")));
        date(json, "onsetDateTime", DateTimeType::new, condition::setOnset);
        if (!date(json, "abatementDateTime", DateTimeType::new, condition::setAbatement)) {
            Period abatement = period(json.get("abatementPeriod"));
            if (abatement != null) {
                condition.setAbatement(abatement);
            }
        }
        each(json, "extension", extension -> {
            CodeableConcept value = concept(extension.get("valueCodeableConcept"));
            if (value != null) {
                condition.addExtension(new Extension(text(extension, "url"), value));
            }
        });
        return condition;
    }

    private static Observation observation(JsonNode json) {
        Observation observation = identified(new Observation(), json);
        observation.setSubject(reference(json.get("subject")));
        code(json, Observation.ObservationStatus::fromCode, observation::setStatus);
        observation.setCode(concept(json.get("code")));
        observation.setValue(observationValue(json));
        each(json, "interpretation", interpretation -> observation.addInterpretation(concept(interpretation)));
        each(json, "referenceRange", range -> referenceRange(range, observation.addReferenceRange()));
        if (!date(json, "effectiveInstant", InstantType::new, observation::setEffective)) {
            effective(json, observation::setEffective);
        }
        date(json, "issued", InstantType::new, observation::setIssuedElement);
        each(
                json,
                "component",
                component -> observation
                        .addComponent()
                        .setCode(concept(component.get("code")))
                        .setValue(concept(component.get("valueCodeableConcept"))));
        return observation;
    }

    /** Its limits, and the age, sex ({@code appliesTo}) and words that say whom it is for. */
    private static void referenceRange(JsonNode json, Observation.ObservationReferenceRangeComponent range) {
        range.setLow(quantity(json.get("low"))).setHigh(quantity(json.get("high")));
        JsonNode age = json.get("age");
        if (age != null && age.isObject()) {
            range.getAge().setLow(quantity(age.get("low"))).setHigh(quantity(age.get("high")));
        }
        each(json, "appliesTo", appliesTo -> range.addAppliesTo(concept(appliesTo)));
        range.setText(text(json, "text"));
    }

    /** {@code value[x]}: a Quantity, a CodeableConcept, an integer (ECOG) or a string (a qualitative result). */
    private static Type observationValue(JsonNode json) {
        Quantity quantity = quantity(json.get("valueQuantity"));
        if (quantity != null) {
            return quantity;
        }
        CodeableConcept concept = concept(json.get("valueCodeableConcept"));
        if (concept != null) {
            return concept;
        }
        JsonNode integer = json.get("valueInteger");
        if (integer != null && integer.isIntegralNumber() && integer.canConvertToInt()) {
            return new IntegerType(integer.intValue());
        }
        String string =
                json.path("valueString").isString() ? json.get("valueString").asString() : null;
        return string == null ? null : new StringType(string);
    }

    private static MedicationStatement statement(JsonNode json) {
        MedicationStatement statement = identified(new MedicationStatement(), json);
        statement.setSubject(reference(json.get("subject")));
        code(json, MedicationStatement.MedicationStatementStatus::fromCode, statement::setStatus);
        each(json, "statusReason", reason -> statement.addStatusReason(concept(reason)));
        medication(json, statement, statement::setMedication);
        effective(json, statement::setEffective);
        each(json, "dosage", dosage -> statement.addDosage(dosage(dosage)));
        each(json, "note", note -> statement.addNote().setText(text(note, "text")));
        return statement;
    }

    private static MedicationRequest request(JsonNode json) {
        MedicationRequest request = identified(new MedicationRequest(), json);
        request.setSubject(reference(json.get("subject")));
        code(json, MedicationRequest.MedicationRequestStatus::fromCode, request::setStatus);
        request.setStatusReason(concept(json.get("statusReason")));
        medication(json, request, request::setMedication);
        date(json, "authoredOn", DateTimeType::new, request::setAuthoredOnElement);
        each(json, "dosageInstruction", dosage -> request.addDosageInstruction(dosage(dosage)));
        each(json, "note", note -> request.addNote().setText(text(note, "text")));
        return request;
    }

    private static Medication medication(JsonNode json) {
        Medication medication = identified(new Medication(), json);
        medication.setCode(concept(json.get("code")));
        medication.setForm(concept(json.get("form")));
        each(json, "ingredient", ingredient -> {
            CodeableConcept item = concept(ingredient.get("itemCodeableConcept"));
            if (item != null) {
                medication.addIngredient().setItem(item);
            }
        });
        return medication;
    }

    /** {@code medication[x]}, and the Medications contained in the resource that a {@code #id} reference may name. */
    private static void medication(JsonNode json, DomainResource owner, Consumer<Type> setter) {
        CodeableConcept concept = concept(json.get("medicationCodeableConcept"));
        Reference reference = reference(json.get("medicationReference"));
        if (concept != null) {
            setter.accept(concept);
        } else if (reference != null) {
            setter.accept(reference);
        }
        each(json, "contained", contained -> {
            if ("Medication".equals(text(contained, "resourceType"))) {
                owner.addContained(medication(contained));
            }
        });
    }

    /** {@code effective[x]}: the dateTime, else the Period. */
    private static void effective(JsonNode json, Consumer<Type> setter) {
        if (!date(json, "effectiveDateTime", DateTimeType::new, setter)) {
            Period period = period(json.get("effectivePeriod"));
            if (period != null) {
                setter.accept(period);
            }
        }
    }

    private static Dosage dosage(JsonNode json) {
        Dosage dosage = new Dosage();
        dosage.setText(text(json, "text"));
        dosage.setRoute(concept(json.get("route")));
        JsonNode count = json.path("timing").path("repeat").get("count");
        if (count != null && count.isIntegralNumber()) {
            dosage.getTiming().getRepeat().setCount(count.intValue());
        }
        each(json, "doseAndRate", doseAndRate -> {
            Quantity dose = quantity(doseAndRate.get("doseQuantity"));
            if (dose != null) {
                dosage.addDoseAndRate().setDose(dose);
            }
        });
        return dosage;
    }

    private static <T extends Resource> T identified(T resource, JsonNode json) {
        String id = text(json, "id");
        if (id != null) {
            resource.setId(id);
        }
        return resource;
    }

    private static CodeableConcept concept(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        CodeableConcept concept = new CodeableConcept();
        each(
                json,
                "coding",
                coding -> concept.addCoding(
                        new Coding(text(coding, "system"), text(coding, "code"), text(coding, "display"))));
        concept.setText(text(json, "text"));
        return concept;
    }

    private static Reference reference(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        return new Reference(text(json, "reference")).setDisplay(text(json, "display"));
    }

    private static Quantity quantity(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        Quantity quantity = new Quantity();
        JsonNode value = json.get("value");
        if (value != null && value.isNumber()) {
            quantity.setValue(value.decimalValue());
        } else if (value != null && value.isString()) {
            decimal(value.asString(), quantity); // a number sent as a string, which HAPI's lenient parser also reads
        }
        code(json, "comparator", Quantity.QuantityComparator::fromCode, quantity::setComparator);
        return quantity.setUnit(text(json, "unit"))
                .setSystem(text(json, "system"))
                .setCode(text(json, "code"));
    }

    private static void decimal(String text, Quantity quantity) {
        try {
            quantity.setValue(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            // not a number: no value
        }
    }

    private static Period period(JsonNode json) {
        if (json == null || !json.isObject()) {
            return null;
        }
        Period period = new Period();
        date(json, "start", DateTimeType::new, period::setStartElement);
        date(json, "end", DateTimeType::new, period::setEndElement);
        return period;
    }

    /** A date or instant; one HAPI cannot read is left out. True when one was set. */
    private static <T extends BaseDateTimeType> boolean date(
            JsonNode json, String field, Function<String, T> type, Consumer<? super T> setter) {
        String value = text(json, field);
        if (value == null) {
            return false;
        }
        try {
            setter.accept(type.apply(value));
            return true;
        } catch (RuntimeException e) {
            return false; // an unreadable date is no date, as with HAPI's lenient parser
        }
    }

    /** A {@code status} code of a required value set; an unknown code is left out. */
    private static <E> void code(JsonNode json, Function<String, E> fromCode, Consumer<E> setter) {
        code(json, "status", fromCode, setter);
    }

    /** A code of a required value set; an unknown code is left out. */
    private static <E> void code(JsonNode json, String field, Function<String, E> fromCode, Consumer<E> setter) {
        String value = text(json, field);
        if (value != null) {
            try {
                setter.accept(fromCode.apply(value));
            } catch (Exception e) {
                // an unknown code is no status: the facts treat the resource as of unknown status
            }
        }
    }

    private static void each(JsonNode json, String field, Consumer<JsonNode> action) {
        JsonNode array = json.get(field);
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isObject()) {
                    action.accept(item);
                }
            }
        }
    }

    /**
     * A string element. A boolean sent in its place is read as its text, as HAPI's lenient parser does; a number is
     * refused (no FHIR text element is a number, and written out a number can be a billion characters long).
     */
    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isValueNode() || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            throw NumbersInText.refused(field);
        }
        return value.asString();
    }
}
