package org.sarcomacds.protocol;

import org.sarcomacds.CdsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The filters around every answer: security headers first of all (before CORS, so even a refused origin gets them),
 * and the feedback rate limit after client authentication (which runs at {@code HIGHEST_PRECEDENCE + 10}), so it
 * counts per authenticated client and an unauthenticated flood never uses up a real client's allowance.
 */
@Configuration(proxyBeanMethods = false)
class ResponseFilterConfiguration {

    /** Clients with a bucket at most; far beyond any number of EHRs, and of addresses on a loopback demo. */
    static final int MAX_RATE_LIMITED_CLIENTS = 10_000;

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FeedbackRateLimitFilter> feedbackRateLimitFilter(
            CdsProperties properties, OperationOutcomes outcomes) {
        CdsProperties.RateLimit limit = properties.feedback().rateLimit();
        boolean on = limit.requestsPerMinute() > 0;
        RateLimiter limiter = on
                ? new RateLimiter(limit.requestsPerMinute(), limit.burst(), MAX_RATE_LIMITED_CLIENTS, System::nanoTime)
                : null;
        // with the limit off the filter is registered disabled: never called, so it needs no limiter
        FilterRegistrationBean<FeedbackRateLimitFilter> registration =
                new FilterRegistrationBean<>(new FeedbackRateLimitFilter(limiter, outcomes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setEnabled(on);
        return registration;
    }
}
