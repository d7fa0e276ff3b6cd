package org.sarcomacds;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the service, bound from {@code cds.*}. The README's configuration table documents each one.
 *
 * @param maxBodySize   requests larger than this are answered 413
 * @param cors          browser clients allowed to call the CDS Hooks endpoints
 * @param fetch         how missing prefetch is fetched from the EHR's FHIR server
 * @param privacy       how patients are kept out of the feedback store
 * @param admin         the admin endpoints (feedback analytics)
 */
@ConfigurationProperties("cds")
public record CdsProperties(
        @DefaultValue("5MB") DataSize maxBodySize,
        @DefaultValue Cors cors,
        @DefaultValue Fetch fetch,
        @DefaultValue Privacy privacy,
        @DefaultValue Admin admin) {

    /** @param allowedOrigins origins allowed by CORS; {@code *} allows any (demo only) */
    public record Cors(@DefaultValue("*") List<String> allowedOrigins) {}

    /**
     * @param deadline         one budget for all FHIR fetches of a hook call, run in parallel
     * @param connectTimeout   TCP connect timeout per FHIR request
     * @param readTimeout      socket read timeout per FHIR request
     * @param maxPages         pages followed per search (first page included)
     * @param maxResponseSize  largest FHIR response body accepted
     * @param threads          worker threads shared by all FHIR fetches
     * @param allowedServers   FHIR base URLs the service may call; a request naming another fhirServer is not contacted
     * @param allowLoopback    also allow FHIR servers on 127.0.0.0/8 and ::1 (demo and tests)
     */
    public record Fetch(
            @DefaultValue("3s") Duration deadline,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("10") int maxPages,
            @DefaultValue("10MB") DataSize maxResponseSize,
            @DefaultValue("32") int threads,
            @DefaultValue List<String> allowedServers,
            @DefaultValue("true") boolean allowLoopback) {}

    /**
     * @param patientHashKey key of the HMAC-SHA256 that replaces patient ids in the feedback store; random per start
     *                       when empty (then hashes match only within one process)
     */
    public record Privacy(String patientHashKey) {}

    /** @param token bearer token of {@code /admin/**}; when empty the admin endpoints do not exist (404) */
    public record Admin(String token) {}
}
