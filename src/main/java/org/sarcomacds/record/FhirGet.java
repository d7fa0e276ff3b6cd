package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.hl7.fhir.instance.model.api.IBaseResource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;

/**
 * One GET from a FHIR server, read the way a request body is read: through {@link UntrustedJson} (every number and
 * string bounded) into the lean binder ({@link PrefetchBinder}), never through HAPI's own JSON reader, which writes
 * every decimal out in full. The bytes are counted against the answer's size cap and against the process-wide
 * {@link ByteBudget} while they are read and bound; a request waits for a {@link ServerSlots slot} at its server and
 * never outlives its hook call's deadline. Every failure is a {@link FetchException} in words the client can act on.
 */
final class FhirGet {

    private final OkHttpClient http;
    private final FhirContext fhir;
    private final UntrustedJson json;
    private final ByteBudget budget;
    private final ServerSlots slots;
    private final long maxResponseBytes;

    FhirGet(
            OkHttpClient http,
            FhirContext fhir,
            UntrustedJson json,
            ByteBudget budget,
            ServerSlots slots,
            long maxResponseBytes) {
        this.http = http;
        this.fhir = fhir;
        this.json = json;
        this.budget = budget;
        this.slots = slots;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The resource answered, or null for a 404 or 410 when {@code missingIsNothing}; and the bytes it took. */
    record Answer(IBaseResource resource, long bytes) {}

    Answer get(FhirEndpoint endpoint, HttpUrl url, long deadline, boolean missingIsNothing) {
        try (ServerSlots.Slot slot = slots.take(url, deadline);
                ByteBudget.Reservation bytes = budget.open()) {
            Call call = http.newCall(request(endpoint, url));
            call.timeout().timeout(remaining(deadline), TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                if (missingIsNothing && (response.code() == 404 || response.code() == 410)) {
                    return new Answer(null, 0);
                }
                if (!response.isSuccessful()) {
                    throw new FetchException("the FHIR server answered HTTP " + response.code());
                }
                return read(response.body(), bytes);
            }
        } catch (ByteBudget.Exhausted e) {
            throw FetchException.busy(e.getMessage());
        } catch (IOException e) {
            throw new FetchException(describe(e));
        }
    }

    private Answer read(ResponseBody body, ByteBudget.Reservation bytes) {
        long declared = body.contentLength();
        if (declared > maxResponseBytes) {
            throw tooLarge();
        }
        if (declared > 0) {
            bytes.grow(declared); // refused before a byte is read when the budget has no room for it
        }
        Counted in = new Counted(body.byteStream(), bytes);
        JsonNode tree;
        try {
            tree = json.read(in);
        } catch (StreamConstraintsException e) {
            throw new FetchException("the FHIR server's answer breaks a limit: " + json.describe(e));
        } catch (JacksonException e) {
            if (e.getCause() instanceof IOException io) {
                throw new FetchException(describe(io));
            }
            throw new FetchException("the FHIR server's answer is not valid JSON: " + json.describe(e));
        }
        try {
            return new Answer(PrefetchBinder.bind(fhir, tree), in.count);
        } catch (DataFormatException e) {
            throw new FetchException(
                    "the FHIR server's answer is not FHIR R4: " + FhirMessages.withoutCode(e.getMessage()));
        } catch (RuntimeException e) {
            throw new FetchException("the FHIR server's answer is not FHIR R4");
        }
    }

    private static Request request(FhirEndpoint endpoint, HttpUrl url) {
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Accept", "application/fhir+json")
                .header("User-Agent", "sarcoma-cds");
        if (endpoint.bearerToken() != null) {
            request.header("Authorization", "Bearer " + endpoint.bearerToken());
        }
        return request.get().build();
    }

    /** Time left before the deadline; none left is a fetch that cannot start (OkHttp reads 0 as "no timeout"). */
    private static long remaining(long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchException("the FHIR server did not answer within the deadline");
        }
        return remaining;
    }

    private FetchException tooLarge() {
        return new FetchException("the FHIR server's answer is larger than the limit of "
                + maxResponseBytes / (1024 * 1024) + " MB (cds.fetch.max-response-size)");
    }

    static String describe(IOException e) {
        if (e instanceof InterruptedIOException) {
            return "the FHIR server did not answer in time";
        }
        if (e instanceof UnknownHostException) {
            return "the FHIR server's address could not be resolved, or is one this service never calls";
        }
        if (e instanceof ConnectException) {
            return "the FHIR server refused the connection";
        }
        if (e instanceof SSLException) {
            return "the secure (TLS) connection to the FHIR server failed";
        }
        return "the connection to the FHIR server broke before its answer was complete";
    }

    /** The answer's bytes as they arrive: counted, capped, and reserved beyond what its Content-Length reserved. */
    private final class Counted extends FilterInputStream {

        private final ByteBudget.Reservation bytes;
        private long count;

        Counted(InputStream in, ByteBudget.Reservation bytes) {
            super(in);
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > maxResponseBytes) {
                throw tooLarge();
            }
            if (count > bytes.held()) {
                bytes.grow(count - bytes.held());
            }
        }
    }
}
