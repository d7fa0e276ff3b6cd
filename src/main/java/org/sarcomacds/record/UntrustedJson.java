package org.sarcomacds.record;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sarcomacds.CdsProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ValueNode;

/**
 * The one reader of JSON that comes from outside the process — hook request bodies and FHIR servers' answers — with a
 * bound on everything that could make a small document expensive: nesting depth, string length, number length, and
 * the exponent of a decimal. {@code 1E999999999} is eleven characters, but written out in full it is a billion
 * digits; such a number is refused while it is read, so nothing downstream can expand it. Request bodies are read
 * into a tree ({@link #read}); a FHIR server's answer is checked token by token ({@link #check}) before HAPI's client
 * parses it.
 */
@Component
public final class UntrustedJson {

    static final int MAX_NESTING_DEPTH = 64;
    /** No FHIR decimal or integer is longer (FHIR R5 bounds a decimal to 18 + 17 digits and a 9-digit exponent). */
    static final int MAX_NUMBER_LENGTH = 100;
    /** A decimal's scale (its exponent, give or take its digits) beyond this is refused: 1E1000 is still read. */
    static final int MAX_EXPONENT = 1000;

    /** Jackson names its own settings in some messages ("enable `JsonReadFeature…` to allow"): not the client's. */
    private static final Pattern SOURCE = Pattern.compile("Source: REDACTED \\(`[^`]*` disabled\\); ");

    private static final Pattern SETTING = Pattern.compile("[:;,]?\\s*(\\(|enable |from )?`[^`]*`[^;,)]*\\)?");

    private final int maxStringLength;
    private final JsonMapper mapper;

    @Autowired
    UntrustedJson(CdsProperties properties) {
        this(properties.limits().maxStringLength());
    }

    public UntrustedJson(int maxStringLength) {
        this.maxStringLength = maxStringLength;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(maxStringLength)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        // FHIR decimals keep their exact value and precision ("1.50" stays 1.50), as HAPI's own parser keeps them:
        // the tree is handed to HAPI as it is (FhirJson), never written back to text.
        this.mapper = JsonMapper.builder(factory)
                .nodeFactory(new BoundedNumbers())
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** @throws JacksonException when it is not JSON or breaks a bound; {@link #describe} says which */
    public JsonNode read(byte[] json) {
        return mapper.readTree(json);
    }

    /** The first {@code length} bytes of {@code json}, as {@link #read(byte[])}. */
    public JsonNode read(byte[] json, int length) {
        return mapper.readTree(json, 0, length);
    }

    /** @throws JacksonException when it is not JSON or breaks a bound; {@link #describe} says which */
    public JsonNode read(InputStream json) {
        return mapper.readTree(json);
    }

    /**
     * Reads the whole document token by token and builds nothing, with the bounds of {@link #read} and one more, for
     * JSON that a reader which writes every decimal out in full reads next (HAPI's, through
     * {@code BigDecimal.toPlainString}): a decimal written out must fit in {@link #MAX_NUMBER_LENGTH} characters, as
     * any number written in the document must. Each token is shown to {@code tokens} as it is read.
     *
     * @throws JacksonException when it is not JSON or breaks a bound; {@link #describe} says which
     */
    public void check(byte[] json, int offset, int length, Consumer<JsonParser> tokens) {
        try (JsonParser parser = mapper.createParser(json, offset, length)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    parser.getTextLength(); // a string's length is checked when its text is read, not when skipped
                } else if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    writtenOutWithinBounds(parser.getDecimalValue());
                }
                tokens.accept(parser);
            }
        }
    }

    private static void exponentWithinBounds(BigDecimal value) {
        if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
            throw new StreamConstraintsException(
                    "a number has an exponent beyond ±" + MAX_EXPONENT + ", which no FHIR value needs");
        }
    }

    private static void writtenOutWithinBounds(BigDecimal value) {
        exponentWithinBounds(value);
        if (writtenOutLength(value) > MAX_NUMBER_LENGTH) {
            throw new StreamConstraintsException("a number is longer than " + MAX_NUMBER_LENGTH
                    + " characters written out in full, which no FHIR value needs");
        }
    }

    /** The length of {@code value.toPlainString()}, without writing it. */
    static long writtenOutLength(BigDecimal value) {
        long digits = value.precision();
        long scale = value.scale();
        long length = scale <= 0 ? digits - scale : scale >= digits ? scale + 2 : digits + 1;
        return length + (value.signum() < 0 ? 1 : 0);
    }

    /** What was wrong, for the client that sent it: no library class or setting names, the place where known. */
    public String describe(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (message.startsWith("Document nesting depth")) {
            what = "it nests objects and arrays deeper than " + MAX_NESTING_DEPTH + " levels";
        } else if (message.startsWith("String value length")) {
            what = "a string is longer than " + maxStringLength + " characters";
        } else if (message.startsWith("Number value length")) {
            what = "a number is longer than " + MAX_NUMBER_LENGTH + " characters";
        } else {
            String line = message.lines().findFirst().orElse(message);
            what = SETTING.matcher(SOURCE.matcher(line).replaceAll(""))
                    .replaceAll("")
                    .trim();
            what = what.length() > 200 ? what.substring(0, 200) + "…" : what;
        }
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? what
                : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** Builds the tree's numbers, refusing a decimal whose exponent is out of all proportion. */
    private static final class BoundedNumbers extends JsonNodeFactory {

        @Override
        public ValueNode numberNode(BigDecimal value) {
            if (value != null) {
                exponentWithinBounds(value);
            }
            return super.numberNode(value);
        }
    }
}
