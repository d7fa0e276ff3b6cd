package org.sarcomacds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers, set before anything else answers (so refusals carry them too): {@code nosniff} on every answer;
 * {@code no-store} and a deny-all Content-Security-Policy on the CDS Hooks and admin answers, which carry patient
 * data or analytics and are never to be cached or rendered; on the evidence pages a policy that lets nothing load or
 * run; and on the try-it page a policy that lets only its own files run.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    /**
     * The try-it page: its own script and style files only (it has no inline script, style or event handler), its
     * calls to this origin only, never framed. The page's meta element says the same; the header adds
     * {@code frame-ancestors}, which a meta element cannot.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /**
     * The evidence pages: static HTML with no script, style, image or form of its own; an EHR may show it in a frame.
     */
    static final String EVIDENCE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'";
    /** JSON answers: nothing in them may load or run anything, and no page may frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/cds-services") || path.startsWith("/admin/")) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Content-Security-Policy", API_POLICY);
        } else if (path.startsWith("/evidence/")) {
            response.setHeader("Content-Security-Policy", EVIDENCE_POLICY);
        } else if (path.equals("/") || path.equals("/index.html")) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
        }
        chain.doFilter(request, response);
    }
}
