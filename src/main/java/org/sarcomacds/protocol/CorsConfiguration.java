package org.sarcomacds.protocol;

import java.util.List;
import org.sarcomacds.CdsProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS for browser-based CDS clients (the public sandbox, the try-it page) on discovery, services and feedback.
 * Preflights are answered here, before any authentication. Only the demo default allows every origin.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

    private final List<String> allowedOrigins;

    CorsConfiguration(CdsProperties properties) {
        this.allowedOrigins = properties.cors().allowedOrigins();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        CorsRegistration cors = registry.addMapping("/cds-services/**")
                .allowedMethods("GET", "POST", "OPTIONS")
                .allowedHeaders("Authorization", "Content-Type", "Accept")
                .maxAge(3600);
        cors.allowedOriginPatterns(allowedOrigins.toArray(String[]::new));
        registry.addMapping("/cds-services")
                .allowedMethods("GET", "OPTIONS")
                .allowedHeaders("Authorization", "Content-Type", "Accept")
                .allowedOriginPatterns(allowedOrigins.toArray(String[]::new))
                .maxAge(3600);
    }
}
