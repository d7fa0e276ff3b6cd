package org.sarcomacds.protocol;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a request's log context: the {@code hookInstance} a hook call puts in the MDC stays there until the request is
 * answered, so the lines {@link ErrorAnswers} writes for a refused call (a 412, say) carry it too.
 */
@Component
class LogContextFilter extends OncePerRequestFilter {

    static final String HOOK_INSTANCE = "hookInstance";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(HOOK_INSTANCE);
        }
    }
}
