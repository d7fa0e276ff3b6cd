package org.sarcomacds.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.sarcomacds.CdsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser-based CDS clients (the public sandbox, the try-it page) on discovery, services and feedback (and
 * on the demo's {@code /fhir}). It
 * runs as the first filter after the security headers, so preflights are answered before any authentication, and a refused origin gets an
 * OperationOutcome like every other error. Only the demo default allows every origin.
 */
@Configuration(proxyBeanMethods = false)
class CorsFilterConfiguration {

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(CdsProperties properties, OperationOutcomes outcomes) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/cds-services", cors);
        source.registerCorsConfiguration("/cds-services/**", cors);
        if (properties.demo().enabled()) {
            // The demo's read-only FHIR endpoint, so browser clients such as the public sandbox can read it.
            source.registerCorsConfiguration("/fhir/**", cors);
        }

        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new OperationOutcomeCorsProcessor(outcomes));
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after the security headers
        return registration;
    }

    /** Spring's CORS checks, with the refusal written as an OperationOutcome instead of plain text. */
    private static final class OperationOutcomeCorsProcessor extends DefaultCorsProcessor {

        private final OperationOutcomes outcomes;

        OperationOutcomeCorsProcessor(OperationOutcomes outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            String body = outcomes.answer(HttpStatus.FORBIDDEN, "This origin may not call this service (CORS)")
                    .getBody();
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(OperationOutcomes.FHIR_JSON);
            response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
            response.flush();
        }
    }
}
