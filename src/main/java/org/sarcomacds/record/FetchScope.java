package org.sarcomacds.record;

import ca.uhn.fhir.okhttp.client.OkHttpRestfulRequest;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;

/**
 * One fetch of a hook call: the EHR's FHIR server, the call ({@link FetchCall}: its deadline and its share of the byte
 * budget) and the bytes this fetch's answers have taken so far. HAPI builds the requests and OkHttp sends them, and neither knows the hook call: this
 * interceptor, registered on the HAPI client the fetch uses, tags each request with the fetch, and the OkHttp side
 * reads the tag ({@link FhirAnswerGuard}, {@link DeadlineCalls}).
 */
final class FetchScope implements IClientInterceptor {

    private final FhirEndpoint endpoint;
    private final FetchCall call;
    private final AtomicLong bytes = new AtomicLong();

    FetchScope(FhirEndpoint endpoint, FetchCall call) {
        this.endpoint = endpoint;
        this.call = call;
    }

    @Override
    public void interceptRequest(IHttpRequest request) {
        ((OkHttpRestfulRequest) request).getRequest().tag(FetchScope.class, this);
    }

    @Override
    public void interceptResponse(IHttpResponse response) {}

    long deadline() {
        return call.deadline();
    }

    long remainingNanos() {
        return call.deadline() - System.nanoTime();
    }

    /** The hook call's reservation, which every answer of the call grows. */
    ByteBudget.Reservation bytes() {
        return call.bytes();
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
