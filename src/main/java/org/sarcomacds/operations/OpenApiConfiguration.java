package org.sarcomacds.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The OpenAPI description at {@code /v3/api-docs} (springdoc): the CDS Hooks endpoints and the admin endpoint. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration implements WebMvcConfigurer {

    /**
     * springdoc brings Jackson 2's YAML module, and Spring MVC would then add a Jackson 2 YAML converter. The web
     * layer speaks Jackson 3 only (docs/service-core.md); springdoc writes its own YAML and needs no converter.
     */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters ->
                converters.removeIf(converter -> converter.getClass().getName().contains("Jackson2")));
    }

    @Bean
    OpenAPI sarcomaCdsOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Sarcoma CDS")
                        .description("CDS Hooks 2.0 service for metastatic leiomyosarcoma, and its admin endpoint."
                                + " Errors are FHIR OperationOutcomes (application/fhir+json)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "adminToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("cds.admin.token")));
    }
}
