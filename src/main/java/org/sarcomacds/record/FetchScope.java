package org.sarcomacds.record;

import ca.uhn.fhir.okhttp.client.OkHttpRestfulRequest;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;

/**
 * One fetch of a hook call: the EHR's FHIR server, the call's deadline ({@code System.nanoTime()} based) and the bytes
 * its answers have taken so far. HAPI builds the requests and OkHttp sends them, and neither knows the hook call: this
 * interceptor, registered on the HAPI client the fetch uses, tags each request with the fetch, and the OkHttp side
 * reads the tag ({@link FhirAnswerGuard}, {@link DeadlineCalls}).
 */
final class FetchScope implements IClientInterceptor {

    private final FhirEndpoint endpoint;
    private final long deadline;
    private final AtomicLong bytes = new AtomicLong();

    FetchScope(FhirEndpoint endpoint, long deadline) {
        this.endpoint = endpoint;
        this.deadline = deadline;
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
        ((OkHttpRestfulRequest) request).getRequest().tag(FetchScope.class, this);
    }

    @Override
    public void interceptResponse(IHttpResponse response) {}

    long deadline() {
        return deadline;
    }

    long remainingNanos() {
        return deadline - System.nanoTime();
    }

    /** The bearer token, or null when the server is open or {@code url} is not under its base URL. */
    String tokenFor(HttpUrl url) {
        return endpoint.covers(url) ? endpoint.bearerToken() : null;
    }

    void read(long answerBytes) {
        bytes.addAndGet(answerBytes);
    }

    /** The bytes of the answers read so far. */
    long bytesRead() {
        return bytes.get();
    }
}
