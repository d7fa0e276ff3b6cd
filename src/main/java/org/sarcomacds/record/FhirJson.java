package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.BaseJsonLikeArray;
import ca.uhn.fhir.parser.json.BaseJsonLikeObject;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import ca.uhn.fhir.parser.json.BaseJsonLikeWriter;
import ca.uhn.fhir.parser.json.JsonLikeStructure;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import tools.jackson.databind.JsonNode;

/**
 * Reads FHIR resources with HAPI straight from the JSON tree the request was parsed into. The request body is parsed
 * once: HAPI walks our (Jackson 3) tree through its {@link JsonLikeStructure} interface, instead of the tree being
 * written back to a string and HAPI parsing that string into a second (Jackson 2) tree.
 */
public final class FhirJson {

    private FhirJson() {}

    /** The resource the JSON object describes; HAPI's {@code DataFormatException} when it is not FHIR R4. */
    public static IBaseResource parse(FhirContext fhir, JsonNode json) {
        return parser(fhir).parseResource(new Tree(json, false));
    }

    public static <T extends IBaseResource> T parse(FhirContext fhir, Class<T> type, JsonNode json) {
        return parser(fhir).parseResource(type, new Tree(json, false));
    }

    /**
     * Like {@link #parse(FhirContext, JsonNode)}, but each resource (the root, Bundle entries, contained resources) is
     * bound with only the elements the facts read ({@link ElementsRead}); other elements are not looked at.
     */
    public static IBaseResource parseElementsRead(FhirContext fhir, JsonNode json) {
        return parser(fhir).parseResource(new Tree(json, true));
    }

    private static IJsonLikeParser parser(FhirContext fhir) {
        return (IJsonLikeParser) fhir.newJsonParser();
    }

    /** A parsed JSON object as HAPI's parser input. Read-only: HAPI never asks it to load or write when parsing. */
    private record Tree(JsonNode root, boolean lean) implements JsonLikeStructure {

        @Override
        public JsonLikeStructure getInstance() {
            throw new IllegalStateException("a parsed tree is not a factory");
        }

        @Override
        public void load(Reader reader) {
            throw new IllegalStateException("the tree is already parsed");
        }

        @Override
        public void load(Reader reader, boolean allowArray) {
            throw new IllegalStateException("the tree is already parsed");
        }

        @Override
        public BaseJsonLikeObject getRootObject() {
            if (!root.isObject()) {
                throw new ca.uhn.fhir.parser.DataFormatException("Content must be a valid JSON Object");
            }
            return new ObjectValue(root, lean, lean ? resourceElements(root) : null);
        }

        @Override
        public BaseJsonLikeWriter getJsonLikeWriter() {
            throw new IllegalStateException("read-only");
        }

        @Override
        public BaseJsonLikeWriter getJsonLikeWriter(Writer writer) {
            throw new IllegalStateException("read-only");
        }
    }

    /**
     * @param lean      whether resources below are bound lean
     * @param resources whether an object here is a resource (Bundle {@code entry.resource}, {@code contained})
     */
    private static BaseJsonLikeValue wrap(JsonNode node, boolean lean, boolean resources) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return new ObjectValue(node, lean, lean && resources ? resourceElements(node) : null);
        }
        if (node.isArray()) {
            return new ArrayValue(node, lean, resources);
        }
        return new ScalarValue(node);
    }

    private static Set<String> resourceElements(JsonNode resource) {
        JsonNode type = resource.get("resourceType");
        return type != null && type.isString() ? ElementsRead.of(type.asString()) : null;
    }

    private static boolean holdsResources(String key) {
        return key.equals("resource") || key.equals("contained");
    }

    private static final class ObjectValue extends BaseJsonLikeObject {

        private final JsonNode node;
        private final boolean lean;
        /** The keys to show HAPI, or null for all. */
        private final Set<String> kept;

        ObjectValue(JsonNode node, boolean lean, Set<String> kept) {
            this.node = node;
            this.lean = lean;
            this.kept = kept;
        }

        @Override
        public Object getValue() {
            return null;
        }

        @Override
        public Iterator<String> keyIterator() {
            if (kept == null) {
                return node.propertyNames().iterator();
            }
            List<String> keys = new ArrayList<>(kept.size());
            for (String key : node.propertyNames()) {
                if (ElementsRead.keeps(kept, key)) {
                    keys.add(key);
                }
            }
            return keys.iterator();
        }

        @Override
        public BaseJsonLikeValue get(String key) {
            // HAPI asks only for the keys the iterator gave, and each one's _key: no need to filter again here
            return wrap(node.get(key), lean, lean && holdsResources(key));
        }
    }

    private static final class ArrayValue extends BaseJsonLikeArray {

        private final JsonNode node;
        private final boolean lean;
        private final boolean resources;

        ArrayValue(JsonNode node, boolean lean, boolean resources) {
            this.node = node;
            this.lean = lean;
            this.resources = resources;
        }

        @Override
        public Object getValue() {
            return null;
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public BaseJsonLikeValue get(int index) {
            return wrap(node.get(index), lean, resources);
        }
    }

    /** Strings, numbers, booleans and null, as HAPI's own Jackson 2 structure presents them. */
    private static final class ScalarValue extends BaseJsonLikeValue {

        private final JsonNode node;

        ScalarValue(JsonNode node) {
            this.node = node;
        }

        @Override
        public ValueType getJsonType() {
            return node.isNull() || node.isMissingNode() ? ValueType.NULL : ValueType.SCALAR;
        }

        @Override
        public ScalarType getDataType() {
            if (node.isNumber()) {
                return ScalarType.NUMBER;
            }
            if (node.isString()) {
                return ScalarType.STRING;
            }
            return node.isBoolean() ? ScalarType.BOOLEAN : null;
        }

        @Override
        public Object getValue() {
            if (node.isNumber()) {
                return node.numberValue();
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node.isNull() ? null : node.asString();
        }

        @Override
        public Number getAsNumber() {
            return node.isNumber() ? node.numberValue() : null;
        }

        @Override
        public String getAsString() {
            if (node.isBigDecimal()) {
                return node.decimalValue().toPlainString();
            }
            return node.isNull() ? null : node.asString();
        }

        @Override
        public boolean getAsBoolean() {
            return node.isBoolean() ? node.booleanValue() : super.getAsBoolean();
        }
    }
}
