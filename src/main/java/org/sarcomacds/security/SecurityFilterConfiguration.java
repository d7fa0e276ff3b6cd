package org.sarcomacds.security;

import org.sarcomacds.CdsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Installs client authentication right after the CORS filter, when {@code cds.security.require-jwt} is on. */
@Configuration(proxyBeanMethods = false)
class SecurityFilterConfiguration {

    @Bean
    FilterRegistrationBean<JwtAuthenticationFilter> jwtAuthenticationFilter(
            CdsProperties properties, ClientTokenValidator validator) {
        FilterRegistrationBean<JwtAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new JwtAuthenticationFilter(validator, properties.publicBaseUrl()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(properties.security().requireJwt());
        return registration;
    }
}
