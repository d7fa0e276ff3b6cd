package org.sarcomacds.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The discovery document: each service as the specification lists it, nothing internal. */
record Discovery(List<Service> services) {

    static Discovery of(List<ServiceDefinition> definitions) {
        return new Discovery(definitions.stream()
                .map(d -> new Service(
                        d.hook().id(), d.title(), d.description(), d.id(), d.prefetch(), d.usageRequirements()))
                .toList());
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Service(
            String hook,
            String title,
            String description,
            String id,
            Map<String, String> prefetch,
            String usageRequirements) {}
}
