package org.sarcomacds.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CDS Service as written in {@code hooks/services/*.json}.
 *
 * @param prefetch         prefetch key to FHIR query template, advertised in discovery
 * @param requiredPrefetch keys without which the rules cannot decide: if neither prefetched nor fetchable, 412
 */
public record ServiceDefinition(
        String id,
        String hook,
        String title,
        String description,
        String usageRequirements,
        Map<String, String> prefetch,
        List<String> requiredPrefetch) {

    public ServiceDefinition {
        prefetch = Collections.unmodifiableMap(new LinkedHashMap<>(prefetch == null ? Map.of() : prefetch));
        requiredPrefetch = List.copyOf(requiredPrefetch == null ? List.of() : requiredPrefetch);
    }
}
