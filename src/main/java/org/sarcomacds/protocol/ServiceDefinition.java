package org.sarcomacds.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sarcomacds.facts.Hook;

/**
 * One CDS Service: its text from {@code hooks/services/*.json}, and the prefetch every service shares
 * ({@code PrefetchDefinition}).
 *
 * @param prefetch         prefetch key to FHIR query template, advertised in discovery
 * @param requiredPrefetch keys without which the rules cannot decide: if neither prefetched nor fetchable, 412
 */
public record ServiceDefinition(
        String id,
        Hook hook,
        String title,
        String description,
        String usageRequirements,
        Map<String, String> prefetch,
        List<String> requiredPrefetch) {

    public ServiceDefinition {
        prefetch = Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
        requiredPrefetch = List.copyOf(requiredPrefetch);
    }
}
