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
import java.util.Iterator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import tools.jackson.databind.JsonNode;

/**
 * Reads FHIR resources with HAPI straight from the JSON tree the request was parsed into. The request body is parsed
 * once: HAPI walks our (Jackson 3) tree through its {@link JsonLikeStructure} interface, instead of the tree being
 * written back to a string and HAPI parsing that string into a second (Jackson 2) tree.
 */
public final class FhirJson {

    private FhirJson() {}

    /**
     * The resource the JSON object describes; HAPI's {@code DataFormatException} when it is not FHIR R4, or when it
     * has a number where FHIR has text (HAPI's lenient parser would read the number's text).
     */
    public static IBaseResource parse(FhirContext fhir, JsonNode json) {
        NumbersInText.check(fhir, json);
        return parser(fhir).parseResource(new Tree(json));
    }

    public static <T extends IBaseResource> T parse(FhirContext fhir, Class<T> type, JsonNode json) {
        NumbersInText.check(fhir, json);
        return parser(fhir).parseResource(type, new Tree(json));
    }

    private static IJsonLikeParser parser(FhirContext fhir) {
        return (IJsonLikeParser) fhir.newJsonParser();
    }

    /** A parsed JSON object as HAPI's parser input. Read-only: HAPI never asks it to load or write when parsing. */
    private record Tree(JsonNode root) implements JsonLikeStructure {

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
            return new ObjectValue(root);
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

    private static BaseJsonLikeValue wrap(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return new ObjectValue(node);
        }
        if (node.isArray()) {
            return new ArrayValue(node);
        }
        return new ScalarValue(node);
    }

    private static final class ObjectValue extends BaseJsonLikeObject {

        private final JsonNode node;

        ObjectValue(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object getValue() {
            return null;
        }

        @Override
        public Iterator<String> keyIterator() {
            return node.propertyNames().iterator();
        }

        @Override
        public BaseJsonLikeValue get(String key) {
            return wrap(node.get(key));
        }
    }

    private static final class ArrayValue extends BaseJsonLikeArray {

        private final JsonNode node;

        ArrayValue(JsonNode node) {
            this.node = node;
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
            return wrap(node.get(index));
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

        /** A number as its shortest exact text ({@code 1E+3}, not {@code 1000}): never written out in full. */
        @Override
        public String getAsString() {
            return node.isNull() ? null : node.asString();
        }

        @Override
        public boolean getAsBoolean() {
            return node.isBoolean() ? node.booleanValue() : super.getAsBoolean();
        }
    }
}
