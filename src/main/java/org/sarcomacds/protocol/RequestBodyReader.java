package org.sarcomacds.protocol;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.sarcomacds.CdsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JSON request body within the size limit, refusing anything that is not JSON before it is parsed. */
@Component
class RequestBodyReader {

    private final long maxBytes;
    private final JsonMapper mapper;

    RequestBodyReader(CdsProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(64)
                        .maxStringLength(properties.limits().maxStringLength())
                        .build())
                .build();
        // FHIR decimals keep their exact value and precision ("1.50" stays 1.50), as HAPI's own parser keeps them:
        // the tree is bound as it is (PrefetchBinder, FhirJson), never written back to text.
        this.mapper = JsonMapper.builder(factory)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** The body as a JSON tree, within the size limit. */
    JsonNode read(HttpServletRequest request) {
        return parse(bytes(request));
    }

    /** The body as sent, once it is known to be JSON within the size limit (415, 413 otherwise). */
    byte[] bytes(HttpServletRequest request) {
        requireJson(request.getContentType());
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        return readLimited(request);
    }

    /** The body as a JSON tree; a 400 when it is empty or not JSON. */
    JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw CdsRequestException.badRequest("The request body is empty; a JSON object is required");
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw CdsRequestException.badRequest(
                    "The request body is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static void requireJson(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (RuntimeException e) {
            type = null;
        }
        boolean json = type != null
                && (MediaType.APPLICATION_JSON.includes(type)
                        || type.getSubtype().endsWith("+json"));
        if (!json) {
            throw new CdsRequestException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request as application/json (Content-Type was "
                            + (contentType == null ? "missing" : "'" + contentType + "'") + ")");
        }
    }

    private byte[] readLimited(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw CdsRequestException.badRequest("The request body could not be read");
        }
    }

    private CdsRequestException tooLarge() {
        return new CdsRequestException(
                HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + maxBytes + " bytes");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
