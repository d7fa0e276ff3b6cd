package org.sarcomacds.record;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseDecimalDatatype;
import org.hl7.fhir.instance.model.api.IBaseIntegerDatatype;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a JSON number where FHIR has text (a string, code, id, uri, date…). HAPI's lenient parser would read the
 * number's digits as the text, and the service reads FHIR leniently otherwise; but a number in a text element is
 * never what an EHR meant, and sent as {@code 1E999999999} it once made a billion-character string. The check follows
 * HAPI's R4 model, so only elements that model knows are checked; unknown ones are ignored, as HAPI ignores them.
 *
 * <p>It reads a token stream, so that a FHIR server's answer is checked as its bytes are scanned, before HAPI's parser
 * reads them ({@link FhirAnswerGuard}), and a parsed request tree the same way ({@link #check(FhirContext, JsonNode)}).
 * A resource's type may come after its elements ({@code resourceType} is only customarily first), so the field names
 * leading to each number are kept until the object that holds them ends, and resolved then against the type of the
 * nearest enclosing resource.
 */
final class NumbersInText {

    private final FhirContext fhir;
    /** The objects and arrays open at the current token, innermost first. */
    private final Deque<Container> open = new ArrayDeque<>();

    NumbersInText(FhirContext fhir) {
        this.fhir = fhir;
    }

    static Refused refused(String element) {
        return new Refused(element, null);
    }

    /** @throws DataFormatException naming an element of the resource that holds a number in place of text */
    static void check(FhirContext fhir, JsonNode resource) {
        if (resource != null && resource.isObject()) {
            NumbersInText numbers = new NumbersInText(fhir);
            try (JsonParser tokens = resource.traverse(ObjectReadContext.empty())) {
                while (tokens.nextToken() != null) {
                    numbers.read(tokens);
                }
            }
        }
    }

    /**
     * Takes the parser's current token into account.
     *
     * @throws Refused when the token completes a resource that holds a number where FHIR has text
     */
    void read(JsonParser json) {
        switch (json.currentToken()) {
            case START_OBJECT -> open.push(new Container(true, elementHere()));
            case START_ARRAY -> open.push(new Container(false, elementHere()));
            case PROPERTY_NAME -> open.peek().field = json.currentName();
            case END_ARRAY -> open.pop();
            case END_OBJECT -> ended(open.pop());
            case VALUE_STRING -> {
                Container here = open.peek();
                if (here != null && here.object && "resourceType".equals(here.field)) {
                    here.resourceType = json.getString();
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number();
            default -> {}
        }
    }

    /** The element a value at the current place belongs to: an object's current field, or an array's own element. */
    private String elementHere() {
        Container here = open.peek();
        return here == null ? null : here.object ? here.field : here.element;
    }

    private void number() {
        String element = elementHere();
        if ("resourceType".equals(element)) {
            throw refused("resourceType");
        }
        Container object = enclosingObject();
        if (object != null && element != null) {
            object.numbers.add(new ArrayList<>(List.of(element)));
        }
    }

    /** A resource checks the numbers in it; any other object hands them on to the object it is in. */
    private void ended(Container object) {
        if (object.resourceType != null) {
            for (List<String> path : object.numbers) {
                checkElement(object.resourceType, path);
            }
            return;
        }
        Container outer = enclosingObject();
        if (outer != null && object.element != null) {
            for (List<String> path : object.numbers) {
                path.addFirst(object.element);
                outer.numbers.add(path);
            }
        }
    }

    private Container enclosingObject() {
        for (Container container : open) {
            if (container.object) {
                return container;
            }
        }
        return null;
    }

    /** Follows the field names from the resource to the number through HAPI's model; throws if it is a text element. */
    private void checkElement(String resourceType, List<String> path) {
        BaseRuntimeElementCompositeDefinition<?> definition;
        try {
            definition = fhir.getResourceDefinition(resourceType);
        } catch (DataFormatException e) {
            return; // not an R4 resource: HAPI's parser says so
        }
        for (int i = 0; i < path.size(); i++) {
            String name = path.get(i);
            BaseRuntimeChildDefinition child = definition.getChildByName(name);
            BaseRuntimeElementDefinition<?> type = child == null ? null : child.getChildByName(name);
            if (type == null) {
                return; // an element HAPI does not know, and ignores
            }
            if (i == path.size() - 1) {
                if (!isNumber(type)) {
                    throw new Refused(resourceType + "." + String.join(".", path), null);
                }
            } else if (type instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
                definition = composite;
            } else {
                return; // an object in a primitive's place: HAPI's lenient parser leaves it out
            }
        }
    }

    private static boolean isNumber(BaseRuntimeElementDefinition<?> type) {
        Class<?> implementation = type.getImplementingClass();
        return IBaseDecimalDatatype.class.isAssignableFrom(implementation)
                || IBaseIntegerDatatype.class.isAssignableFrom(implementation);
    }

    /** An object or array being read: the element it is the value of; for an object, what is known of it so far. */
    private static final class Container {

        final boolean object;
        final String element;
        String field;
        String resourceType;
        /** For each number in the object and not in a resource within it, the field names that lead to it. */
        final List<List<String>> numbers = new ArrayList<>();

        Container(boolean object, String element) {
            this.object = object;
            this.element = element;
        }
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
}
