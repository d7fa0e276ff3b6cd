package org.sarcomacds.protocol;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.record.ByteBudget;
import org.sarcomacds.record.UntrustedJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request body within the size limit and the time limit, refusing anything that is not JSON before it is
 * parsed. The bytes are held against a process-wide {@link ByteBudget} as they arrive (never by what the client
 * announces), so clients that stall or trickle cost only what they have sent, and many large bodies at once are
 * answered 503 instead of filling the heap.
 */
@Component
class RequestBodyReader {

    private static final int FIRST_BUFFER = 16 * 1024;

    private final long maxBytes;
    private final long timeoutNanos;
    private final UntrustedJson json;
    private final ByteBudget budget;

    RequestBodyReader(CdsProperties properties, UntrustedJson json) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.timeoutNanos = properties.capacity().bodyTimeout().toNanos();
        this.json = json;
        DataSize configured = properties.capacity().maxBodyBytesInFlight();
        this.budget =
                new ByteBudget("request bodies", configured == null ? ByteBudget.ofHeap(8) : configured.toBytes());
    }

    /** A request body that has arrived; its bytes count against the budget until it is closed. */
    record Body(byte[] bytes, int length, ByteBudget.Reservation reservation) implements AutoCloseable {

        @Override
        public void close() {
            reservation.close();
        }
    }

    /** Reads and parses the body, releasing its bytes once the tree is built. */
    JsonNode read(HttpServletRequest request) {
        try (Body body = receive(request)) {
            return parse(body);
        }
    }

    /** The body's bytes, held until the returned body is closed: 413, 415, 408 or 503 instead when it cannot be. */
    Body receive(HttpServletRequest request) {
        requireJson(request.getContentType());
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        ByteBudget.Reservation reservation = budget.open();
        try (InputStream in = request.getInputStream()) {
            return readLimited(in, reservation);
        } catch (IOException e) {
            reservation.close();
            throw timedOut(e) ? slow() : CdsRequestException.badRequest("The request body could not be read");
        } catch (ByteBudget.Exhausted e) {
            reservation.close();
            throw new CdsRequestException(
                    HttpStatus.SERVICE_UNAVAILABLE, "The request body was not accepted: " + e.getMessage());
        } catch (RuntimeException e) {
            reservation.close();
            throw e;
        }
    }

    /** The share of the request-body budget in use, from 0 to 1. */
    double bodyBudgetUsed() {
        return (double) budget.used() / budget.capacity();
    }

    JsonNode parse(Body body) {
        return parse(body.bytes(), body.length());
    }

    /** The body as a JSON tree; a 400 when it is empty or not JSON. */
    JsonNode parse(byte[] body) {
        return parse(body, body.length);
    }

    private JsonNode parse(byte[] body, int length) {
        if (length == 0) {
            throw CdsRequestException.badRequest("The request body is empty; a JSON object is required");
        }
        try {
            return json.read(body, length);
        } catch (StreamConstraintsException e) {
            throw CdsRequestException.badRequest("The request body breaks a limit: " + json.describe(e));
        } catch (JacksonException e) {
            throw CdsRequestException.badRequest("The request body is not valid JSON: " + json.describe(e));
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

    /**
     * Reads until the end of the body, the size limit or the deadline, whichever comes first. A read that waits for
     * bytes that do not come ends after the connector's timeout ({@code server.tomcat.connection-timeout}).
     */
    private Body readLimited(InputStream in, ByteBudget.Reservation reservation) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        byte[] buffer = new byte[0];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                int larger = (int) Math.min(Math.max(FIRST_BUFFER, 2L * buffer.length), maxBytes + 1);
                reservation.grow(larger - buffer.length);
                buffer = Arrays.copyOf(buffer, larger);
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return new Body(buffer, length, reservation);
            }
            length += n;
            if (length > maxBytes) {
                throw tooLarge();
            }
            if (System.nanoTime() - deadline > 0) {
                throw slow();
            }
        }
    }

    /** The container reports a read that waited too long as an I/O failure; its cause says it was time. */
    private static boolean timedOut(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private CdsRequestException tooLarge() {
        return new CdsRequestException(
                HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + maxBytes + " bytes");
    }

    private CdsRequestException slow() {
        return new CdsRequestException(
                HttpStatus.REQUEST_TIMEOUT,
                "The request body did not arrive within " + timeoutNanos / 1_000_000_000 + " s; send it again");
    }
}
