package org.sarcomacds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.sarcomacds.security.AuthenticatedClient;
import org.sarcomacds.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits feedback requests per client: the authenticated JWT issuer (this filter runs after authentication), or the
 * remote address when authentication is off. Beyond the limit: 429 with {@code Retry-After} and an OperationOutcome,
 * before the body is read.
 */
final class FeedbackRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FeedbackRateLimitFilter.class);
    private static final Pattern FEEDBACK = Pattern.compile("/cds-services/[^/]+/feedback/?");

    private final RateLimiter limiter;
    private final OperationOutcomes outcomes;

    FeedbackRateLimitFilter(RateLimiter limiter, OperationOutcomes outcomes) {
        this.limiter = limiter;
        this.outcomes = outcomes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !FEEDBACK.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AuthenticatedClient client = (AuthenticatedClient) request.getAttribute(AuthenticatedClient.ATTRIBUTE);
        String key = client != null ? "issuer " + client.issuer() : "address " + request.getRemoteAddr();
        long retryAfter = limiter.acquire(key);
        if (retryAfter == 0) {
            chain.doFilter(request, response);
            return;
        }
        log.info("refused status=429 feedback from {} retryAfter={}s", LogText.line(key), retryAfter);
        String body = outcomes.answer(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many feedback requests from this client; send again in " + retryAfter + " s")
                .getBody();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        response.setContentType(OperationOutcomes.FHIR_JSON.toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
