package org.sarcomacds.record;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseDecimalDatatype;
import org.hl7.fhir.instance.model.api.IBaseIntegerDatatype;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a JSON number where FHIR has text (a string, code, id, uri, date…). HAPI's lenient parser would read the
 * number's digits as the text, and the service reads FHIR leniently otherwise; but a number in a text element is
 * never what an EHR meant, and sent as {@code 1E999999999} it once made a billion-character string. The walk follows
 * HAPI's R4 model, so only elements that model knows are checked; unknown ones are ignored, as HAPI ignores them.
 */
final class NumbersInText {

    private NumbersInText() {}

    static Refused refused(String element) {
        return new Refused(element, null);
    }

    /** A number where FHIR has text, naming the element and, once known, the resource type it is in. */
    static final class Refused extends DataFormatException {

        private final String element;
        private final String resourceType;

        private Refused(String element, String resourceType) {
            super("'" + element + "'" + (resourceType == null ? "" : " of a " + resourceType)
                    + " is a number, where FHIR has text");
            this.element = element;
            this.resourceType = resourceType;
        }

        /** The same refusal, naming the resource type the element is in (e.g. a MedicationRequest's status). */
        Refused within(String type) {
            return resourceType != null ? this : new Refused(element, type);
        }
    }

    /** @throws DataFormatException naming the first element of the resource that holds a number in place of text */
    static void check(FhirContext fhir, JsonNode resource) {
        if (resource != null && resource.isObject()) {
            resource(fhir, resource);
        }
    }

    private static void resource(FhirContext fhir, JsonNode json) {
        JsonNode type = json.get("resourceType");
        if (type != null && type.isNumber()) {
            throw refused("resourceType");
        }
        if (type == null || !type.isString()) {
            return;
        }
        BaseRuntimeElementCompositeDefinition<?> definition;
        try {
            definition = fhir.getResourceDefinition(type.asString());
        } catch (DataFormatException e) {
            return; // not an R4 resource: HAPI's parser says so
        }
        composite(fhir, definition, json, type.asString());
    }

    private static void composite(
            FhirContext fhir, BaseRuntimeElementCompositeDefinition<?> definition, JsonNode json, String path) {
        for (Map.Entry<String, JsonNode> property : json.properties()) {
            String name = property.getKey();
            BaseRuntimeChildDefinition child = name.equals("resourceType") ? null : definition.getChildByName(name);
            BaseRuntimeElementDefinition<?> type = child == null ? null : child.getChildByName(name);
            if (type != null) {
                for (JsonNode value : values(property.getValue())) {
                    element(fhir, type, value, path + "." + name);
                }
            }
        }
    }

    private static void element(FhirContext fhir, BaseRuntimeElementDefinition<?> type, JsonNode value, String path) {
        if (value.isNumber() && !isNumber(type)) {
            throw refused(path);
        }
        if (value.isObject() && value.has("resourceType")) {
            resource(fhir, value); // a contained resource, or a Bundle entry's
        } else if (value.isObject() && type instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
            composite(fhir, composite, value, path);
        }
    }

    private static boolean isNumber(BaseRuntimeElementDefinition<?> type) {
        Class<?> implementation = type.getImplementingClass();
        return IBaseDecimalDatatype.class.isAssignableFrom(implementation)
                || IBaseIntegerDatatype.class.isAssignableFrom(implementation);
    }

    private static List<JsonNode> values(JsonNode value) {
        return value.isArray() ? value.valueStream().toList() : List.of(value);
    }
}
