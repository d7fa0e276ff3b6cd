package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What every request to a FHIR server and its answer go through before HAPI's parser reads a byte, as an OkHttp
 * interceptor on the client HAPI's client sends with. A request waits for a {@link ServerSlots slot} at its server
 * within its hook call's deadline, and carries the bearer token only to the call's own FHIR base URL. A successful
 * answer is read in full against its size cap and its hook call's share of the process-wide {@link ByteBudget}, then checked token by token by
 * {@link UntrustedJson#check} (nesting, string and number lengths, a decimal written out in at most 100 characters)
 * and {@link NumbersInText}; only then does HAPI parse it, as JSON whatever its declared type, so HAPI's
 * {@code toPlainString} of every decimal writes out at most 100 characters. A failed answer's body is dropped unread:
 * its status is all the service uses. A refusal reaches the fetcher as {@link Refused}, in words for the client.
 */
final class FhirAnswerGuard implements Interceptor {

    private static final MediaType TEXT = MediaType.get("text/plain");

    private final FhirContext fhir;
    private final UntrustedJson json;
    private final ServerSlots slots;
    private final long maxResponseBytes;

    FhirAnswerGuard(FhirContext fhir, UntrustedJson json, ServerSlots slots, long maxResponseBytes) {
        this.fhir = fhir;
        this.json = json;
        this.slots = slots;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        FetchScope scope = chain.request().tag(FetchScope.class);
        try {
            if (scope == null) {
                throw new FetchException("a FHIR request outside any hook call's fetch was not sent");
            }
            try (ServerSlots.Slot slot = slots.take(chain.request().url(), scope.deadline())) {
                Response response = chain.proceed(request(chain.request(), scope));
                return response.isSuccessful() ? checked(response, scope) : withoutBody(response);
            }
        } catch (FetchException e) {
            throw new Refused(e);
        } catch (ByteBudget.Exhausted e) {
            throw new Refused(FetchException.busy(e.getMessage()));
        }
    }

    /** HAPI's request, asking for JSON, naming this service, with the token only where it belongs. */
    private static Request request(Request request, FetchScope scope) {
        Request.Builder sent = request.newBuilder()
                .header("Accept", "application/fhir+json")
                .header("User-Agent", "sarcoma-cds")
                .removeHeader("Authorization");
        String token = scope.tokenFor(request.url());
        if (token != null) {
            sent.header("Authorization", "Bearer " + token);
        }
        return sent.build();
    }

    private static Response withoutBody(Response response) {
        response.close();
        return response.newBuilder()
                .header("Content-Type", TEXT.toString())
                .body(ResponseBody.create(new byte[0], TEXT))
                .build();
    }

    private Response checked(Response response, FetchScope scope) throws IOException {
        try (response) {
            HeldAnswer answer = HeldAnswer.read(response.body(), maxResponseBytes, scope.bytes());
            try {
                scope.read(answer.contentLength());
                check(answer);
            } catch (RuntimeException e) {
                answer.refused();
                throw e;
            }
            return response.newBuilder()
                    .header("Content-Type", answer.contentType().toString())
                    .removeHeader("Content-Length")
                    .body(answer)
                    .build();
        }
    }

    /** @throws FetchException when the answer is not JSON HAPI may read */
    private void check(HeldAnswer answer) {
        if (!answer.startsAnObject()) {
            throw new FetchException("the FHIR server's answer is not FHIR R4: it is not a JSON object");
        }
        NumbersInText numbers = new NumbersInText(fhir);
        try {
            answer.check(json, numbers::read);
        } catch (StreamConstraintsException e) {
            throw new FetchException("the FHIR server's answer breaks a limit: " + json.describe(e));
        } catch (JacksonException e) {
            throw new FetchException("the FHIR server's answer is not valid JSON: " + json.describe(e));
        } catch (DataFormatException e) {
            throw new FetchException(
                    "the FHIR server's answer is not FHIR R4: " + FhirMessages.withoutCode(e.getMessage()));
        }
    }

    /** A request or answer this service refused, with the reason in the client's terms. */
    static final class Refused extends IOException {

        private final FetchException reason;

        Refused(FetchException reason) {
            super(reason.getMessage(), null);
            this.reason = reason;
        }

        FetchException reason() {
            return reason;
        }
    }
}
