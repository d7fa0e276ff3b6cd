package org.sarcomacds;

import java.util.List;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Explains the start-up failure a user meets when overriding one element of a {@code cds.*} list, e.g.
 * {@code --cds.security.clients[0].fhir-servers[1]=…}: Spring Boot takes a list from one place only, so a list set on
 * the command line or in the environment replaces the whole list of the YAML files, and an element without those
 * before it is "left unbound". The analysis says so and gives the forms that work (README, "Overriding a list").
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListOverrideFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
        List<String> names = cause.getUnboundProperties().stream()
                .map(ConfigurationProperty::getName)
                .map(Object::toString)
                .sorted()
                .toList();
        if (names.stream().noneMatch(name -> name.startsWith("cds."))) {
            return null; // Spring Boot's own analysis covers other properties
        }
        return new FailureAnalysis(
                String.join(", ", names) + " was set without the elements before it. A list set on the command line"
                        + " or in the environment replaces the whole list of application*.yaml, so it must be given"
                        + " there in full, from [0].",
                "Give the whole list: every element from [0] on (for a trusted client also its issuer and jwks-url),"
                        + " or a list of URLs comma-separated, e.g. --cds.fetch.allowed-servers=https://a/fhir,https://b/fhir."
                        + " With the sandbox profile, add a FHIR server with"
                        + " --cds.sandbox.fhir-servers=https://launch.smarthealthit.org/v/r4/fhir,http://127.0.0.1:8090/fhir."
                        + " README, \"Overriding a list\", shows working examples.",
                cause);
    }
}
