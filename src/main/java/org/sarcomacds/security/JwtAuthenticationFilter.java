package org.sarcomacds.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.sarcomacds.text.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a valid client JWT on every request but CORS preflights (which carry no Authorization header, and are
 * answered by the CORS filter before this one). A refusal is a bare 401: the same body whatever the reason, which
 * goes to the log only.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);
    private static final byte[] UNAUTHORIZED =
            ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                            + "\"code\":\"security\",\"diagnostics\":\"Unauthorized\"}]}")
                    .getBytes(StandardCharsets.UTF_8);

    private final ClientTokenValidator validator;
    private final String publicBaseUrl;

    JwtAuthenticationFilter(ClientTokenValidator validator, String publicBaseUrl) {
        this.validator = validator;
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * The admin endpoints carry their own bearer token ({@code cds.admin.token}) in the same header, Actuator's
     * probes must answer without one (in {@code prod} they listen on the management port, outside this filter), and
     * the evidence pages a card links to are opened by a clinician's browser, which has no client token (they hold no
     * patient data).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/admin/") || path.startsWith("/actuator/") || path.startsWith("/evidence/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("OPTIONS".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String audience = audience(request);
        try {
            AuthenticatedClient client = validator.validate(bearerToken(request), audience);
            request.setAttribute(AuthenticatedClient.ATTRIBUTE, client);
        } catch (TokenRejectedException | RuntimeException e) {
            // a token our checks or Nimbus could not even handle is refused like any other, never a 500
            String reason = e instanceof TokenRejectedException
                    ? e.getMessage()
                    : "token could not be checked (" + e.getClass().getSimpleName() + ")";
            log.info(
                    "refused status=401 {} {} reason={}",
                    request.getMethod(),
                    LogText.quote(request.getRequestURI()),
                    reason);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/fhir+json");
            response.setContentLength(UNAUTHORIZED.length);
            response.getOutputStream().write(UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The external URL of the endpoint called: the configured public base URL plus the path within this app. */
    private String audience(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl + path;
        }
        // Demo without cds.public-base-url (the start-up notice warns): the URL as this request reached us.
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
                + request.getContextPath() + path;
    }

    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }
}
