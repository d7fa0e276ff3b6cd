package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sarcomacds.security.AuthenticatedClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The feedback rate limit on its own, with a clock the test moves: a bucket per client (JWT issuer, else remote
 * address), refilled over time, and a 429 that says when to come back. {@code FeedbackRateLimitTest} shows the same
 * through the whole service with JWT on.
 */
class FeedbackRateLimitFilterTest {

    private static final OperationOutcomes OUTCOMES = new OperationOutcomes(FhirContext.forR4Cached());

    private final AtomicLong nanos = new AtomicLong();
    /** 6 a minute (one every 10 s), 3 at once. */
    private final FeedbackRateLimitFilter filter =
            new FeedbackRateLimitFilter(new RateLimiter(6, 3, 100, nanos::get), OUTCOMES);

    private MockHttpServletResponse post(String path, String remoteAddress, String issuer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(remoteAddress);
        if (issuer != null) {
            request.setAttribute(AuthenticatedClient.ATTRIBUTE, new AuthenticatedClient(issuer, null, List.of()));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private int status(String remoteAddress, String issuer) throws Exception {
        return post("/cds-services/lms-patient-view/feedback", remoteAddress, issuer)
                .getStatus();
    }

    @Test
    void aClientBeyondItsBurstGets429WithRetryAfterAndAnOperationOutcome() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(status("10.0.0.1", null)).isEqualTo(200);
        }
        MockHttpServletResponse refused = post("/cds-services/lms-patient-view/feedback", "10.0.0.1", null);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
        assertThat(refused.getContentType()).startsWith("application/fhir+json");
        assertThat(refused.getContentAsString())
                .contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"throttled\"", "send again in 10 s");
    }

    @Test
    void theBucketRefillsAtTheConfiguredRate() throws Exception {
        for (int i = 0; i < 3; i++) {
            status("10.0.0.1", null);
        }
        assertThat(status("10.0.0.1", null)).isEqualTo(429);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
        assertThat(post("/cds-services/lms-patient-view/feedback", "10.0.0.1", null)
                        .getHeader("Retry-After"))
                .as("6 s still to wait")
                .isEqualTo("6");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(6));
        assertThat(status("10.0.0.1", null)).isEqualTo(200);
        assertThat(status("10.0.0.1", null)).isEqualTo(429);
    }

    @Test
    void eachAddressHasItsOwnBucketWhenJwtIsOff() throws Exception {
        for (int i = 0; i < 3; i++) {
            status("10.0.0.1", null);
        }
        assertThat(status("10.0.0.1", null)).isEqualTo(429);
        assertThat(status("10.0.0.2", null)).isEqualTo(200);
    }

    @Test
    void anAuthenticatedClientIsCountedByIssuerWhateverItsAddress() throws Exception {
        assertThat(status("10.0.0.1", "https://ehr-a.test")).isEqualTo(200);
        assertThat(status("10.0.0.2", "https://ehr-a.test")).isEqualTo(200);
        assertThat(status("10.0.0.3", "https://ehr-a.test")).isEqualTo(200);
        assertThat(status("10.0.0.4", "https://ehr-a.test")).isEqualTo(429);
        assertThat(status("10.0.0.4", "https://ehr-b.test"))
                .as("another EHR from the same address")
                .isEqualTo(200);
    }

    @Test
    void everyServicesFeedbackPathSharesTheClientsBucket() throws Exception {
        assertThat(post("/cds-services/lms-patient-view/feedback", "10.0.0.1", null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(post("/cds-services/lms-order-select/feedback", "10.0.0.1", null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(post("/cds-services/no-such-service/feedback", "10.0.0.1", null)
                        .getStatus())
                .isEqualTo(200);
        assertThat(post("/cds-services/lms-order-sign/feedback", "10.0.0.1", null)
                        .getStatus())
                .isEqualTo(429);
    }

    @Test
    void hookCallsAndDiscoveryAreNotLimitedHere() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(post("/cds-services/lms-patient-view", "10.0.0.1", null).getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        for (int i = 0; i < 10; i++) {
            filter.doFilter(new MockHttpServletRequest("GET", "/cds-services"), response, new MockFilterChain());
        }
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aFullTableOfBusyClientsMakesANewClientWaitButForgetsIdleOnes() {
        RateLimiter limiter = new RateLimiter(6, 1, 2, nanos::get);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("b")).isZero();
        assertThat(limiter.acquire("c")).as("two busy clients already").isEqualTo(10);
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(limiter.acquire("c"))
                .as("a and b have refilled and are forgotten")
                .isZero();
    }
}
