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
 * @param demo          the try-it page and the read-only FHIR endpoint over the fixture patients
 * @param publicBaseUrl the external URL of this service as clients call it (before {@code /cds-services}); the
 *                      expected JWT {@code aud} is computed from it. Empty: derived from each request (demo only)
 * @param security      authentication of CDS clients and what each trusted client may make us do
 * @param limits        shape limits for hook requests beyond body size and JSON nesting
 * @param privacy       how patients are kept out of the feedback store
 * @param admin         the admin endpoints (feedback analytics)
 * @param store         how issued cards are written to the feedback store
 * @param feedback      limits on what clients may send to the feedback endpoints
 * @param warmUp        synthetic calls through the whole pipeline before the service reports ready
 * @param knowledge     what a site adds to the built-in knowledge of {@code hooks/} without rebuilding
 * @param sandbox       the {@code sandbox} profile's settings
 * @param capacity      how much work the service takes on at once, and how long a client may take to send it
 * @param orderSign     how order-sign treats cards already answered at order-select
 */
@ConfigurationProperties("cds")
public record CdsProperties(
        @DefaultValue("5MB") DataSize maxBodySize,
        @DefaultValue Cors cors,
        @DefaultValue Fetch fetch,
        @DefaultValue Demo demo,
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue Security security,
        @DefaultValue Limits limits,
        @DefaultValue Privacy privacy,
        @DefaultValue Admin admin,
        @DefaultValue Store store,
        @DefaultValue FeedbackSettings feedback,
        @DefaultValue WarmUp warmUp,
        @DefaultValue Knowledge knowledge,
        @DefaultValue Sandbox sandbox,
        @DefaultValue Capacity capacity,
        @DefaultValue OrderSign orderSign) {

    /** @param allowedOrigins origins allowed by CORS; {@code *} allows any (demo only) */
    public record Cors(@DefaultValue("*") List<String> allowedOrigins) {}

    /**
     * @param deadline          one budget for all FHIR fetches of a hook call, run in parallel
     * @param connectTimeout    TCP connect timeout per FHIR request
     * @param readTimeout       socket read timeout per FHIR request
     * @param pageSize          {@code _count} asked of a search whose template sets none
     * @param maxSearchEntries  entries read per search, over all its pages; beyond, the search is cut short
     * @param maxSearchSize     bytes read per search, over all its pages; beyond, the search is cut short
     * @param maxResponseSize   largest FHIR answer (one page) accepted
     * @param maxBytesInFlight  FHIR answers' bytes held at once by the whole process; a fetch beyond it fails at once.
     *                          Empty: a sixteenth of the maximum heap
     * @param maxPerServer      requests in progress at once at one FHIR server; more wait, within the deadline
     * @param keepAlive         how long an idle connection to a FHIR server is kept for reuse
     * @param allowedServers    FHIR base URLs the service may call; a request naming another fhirServer is not contacted
     * @param allowLoopback     also allow FHIR servers on 127.0.0.0/8 and ::1 (demo and tests)
     */
    public record Fetch(
            @DefaultValue("3s") Duration deadline,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("100") int pageSize,
            @DefaultValue("5000") int maxSearchEntries,
            @DefaultValue("20MB") DataSize maxSearchSize,
            @DefaultValue("10MB") DataSize maxResponseSize,
            DataSize maxBytesInFlight,
            @DefaultValue("64") int maxPerServer,
            @DefaultValue("4s") Duration keepAlive,
            @DefaultValue List<String> allowedServers,
            @DefaultValue("true") boolean allowLoopback,
            @DefaultValue("false") boolean requireHttps) {}

    /**
     * @param requireJwt             every request (but CORS preflights) must carry a valid client JWT
     * @param clients                the CDS clients we trust, by issuer
     * @param clockSkew              tolerance on {@code exp}, {@code iat} and {@code nbf}
     * @param maxTokenLifetime       longest {@code exp - iat} accepted; bounds the replay cache
     * @param jwksCacheTtl           how long a fetched JWK Set is used before it is fetched again
     * @param jwksRefreshCooldown    least time between two fetches of one JWK Set (an unknown {@code kid} asks for one)
     * @param logHashKey             key of the HMAC that pseudonymises patient ids in logs; empty = random per start
     * @param replayCache            where the {@code jti}s of accepted tokens are remembered: this process only
     *                               ({@code memory}), or the database, shared by every replica ({@code database})
     */
    public record Security(
            @DefaultValue("false") boolean requireJwt,
            @DefaultValue List<Client> clients,
            @DefaultValue("60s") Duration clockSkew,
            @DefaultValue("1h") Duration maxTokenLifetime,
            @DefaultValue("5m") Duration jwksCacheTtl,
            @DefaultValue("30s") Duration jwksRefreshCooldown,
            @DefaultValue("") String logHashKey,
            @DefaultValue("memory") ReplayCacheKind replayCache) {}

    /** Where the {@code jti} replay cache lives (docs/operations.md, "From 1 to N replicas"). */
    public enum ReplayCacheKind {
        MEMORY,
        DATABASE
    }

    /**
     * One trusted CDS client.
     *
     * @param issuer      the {@code iss} its JWTs carry
     * @param jwksUrl     where its public keys are: https URL, or {@code classpath:}/{@code file:} for a static copy
     * @param allowedJku  {@code jku} header values we may fetch keys from; any other {@code jku} is refused unfetched
     * @param fhirServers FHIR base URLs this client's {@code fhirServer} may name (the token goes nowhere else)
     * @param tenants     if not empty, the {@code tenant} claim must be one of these
     */
    public record Client(
            String issuer,
            String jwksUrl,
            @DefaultValue List<String> allowedJku,
            @DefaultValue List<String> fhirServers,
            @DefaultValue List<String> tenants) {}

    /**
     * @param maxPrefetchKeys     most keys in {@code prefetch}
     * @param maxEntries          most Bundle entries in {@code prefetch} and {@code draftOrders} together
     * @param maxIdLength         longest {@code hook}, {@code hookInstance}, {@code fhirServer} and context id
     * @param maxStringLength     longest JSON string anywhere in a request
     */
    public record Limits(
            @DefaultValue("32") int maxPrefetchKeys,
            @DefaultValue("10000") int maxEntries,
            @DefaultValue("1024") int maxIdLength,
            @DefaultValue("1000000") int maxStringLength) {}

    /**
     * @param enabled serve the try-it page at {@code /}, its catalogue at {@code /demo/*} and the fixture patients
     *                read-only at {@code /fhir}; the {@code prod} profile turns it off
     */
    public record Demo(@DefaultValue("true") boolean enabled) {}

    /**
     * @param patientHashKey key of the HMAC-SHA256 that replaces patient ids in the feedback store; random per start
     *                       when empty (then hashes match only within one process)
     */
    public record Privacy(String patientHashKey) {}

    /** @param token bearer token of {@code /admin/**}; when empty the admin endpoints do not exist (404) */
    public record Admin(String token) {}

    /**
     * Issued cards are written by one background thread, batched, off the hook call's path (docs/operations.md).
     *
     * @param issuedQueueCapacity hook answers waiting to be written; when full, the hook call writes its own cards
     * @param issuedMaxDelay      longest a hook answer's cards wait before their batch is written
     */
    public record Store(
            @DefaultValue("1000") int issuedQueueCapacity,
            @DefaultValue("100ms") Duration issuedMaxDelay) {}

    /**
     * @param maxItems  most items in one feedback body; more is answered 413
     * @param rateLimit feedback requests per client (the JWT issuer, or the remote address when JWT is off)
     */
    public record FeedbackSettings(
            @DefaultValue("100") int maxItems, @DefaultValue RateLimit rateLimit) {}

    /**
     * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerMinute}; beyond it 429
     * with {@code Retry-After}. {@code requestsPerMinute} 0 turns the limit off.
     */
    public record RateLimit(
            @DefaultValue("600") int requestsPerMinute,
            @DefaultValue("100") int burst) {}

    /**
     * Synthetic calls through the whole pipeline before the port opens. It stops at whichever limit comes first; one
     * round (one call of each service) always runs.
     *
     * @param enabled   run the warm-up at start-up, so the first real call is not slowed by class loading and
     *                  compilation (docs/performance.md); off only where start-up time matters more (tests)
     * @param maxTime   time budget of the warm-up. With an AOT cache that carries method profiles (docs/performance.md,
     *                  start-up) the code is compiled after far fewer calls, and a shorter budget makes the service
     *                  ready sooner
     * @param maxRounds rounds of one call per service
     */
    public record WarmUp(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("4s") Duration maxTime,
            @DefaultValue("400") int maxRounds) {}

    /**
     * @param siteDir a folder of site knowledge: codes added to the value sets of {@code hooks/valuesets/}
     *                ({@code valuesets/*.json}), product → ingredient maps ({@code conceptmaps/*.json}) and parameter
     *                overrides within {@code hooks/parameter-limits.json} ({@code parameters.json}); empty = none
     */
    public record Knowledge(@DefaultValue("") String siteDir) {}

    /**
     * @param fhirServers with the {@code sandbox} profile: the FHIR servers the sandbox's calls may name (its client's
     *                    {@code fhir-servers}); set it comma-separated, e.g.
     *                    {@code --cds.sandbox.fhir-servers=https://launch.smarthealthit.org/v/r4/fhir,http://127.0.0.1:8090/fhir}
     */
    public record Sandbox(
            @DefaultValue("https://launch.smarthealthit.org/v/r4/fhir")
            List<String> fhirServers) {}

    /**
     * Hook calls are served on virtual threads, so a slow or stalled client costs a parked thread, not a worker; the
     * work and the memory of the calls are bounded here instead (docs/operations.md, capacity).
     *
     * @param maxConcurrentCalls   hook calls parsed and run at once, each holding its request's JSON tree and record
     * @param maxCallWait          longest a hook call whose body has arrived waits for its turn; then 503
     * @param bodyTimeout          the whole request body must arrive within this; a slower one is answered 408
     * @param maxBodyBytesInFlight request bodies' bytes held at once; a body beyond it is answered 503 at once.
     *                             Empty: an eighth of the maximum heap
     */
    public record Capacity(
            @DefaultValue("8") int maxConcurrentCalls,
            @DefaultValue("5s") Duration maxCallWait,
            @DefaultValue("10s") Duration bodyTimeout,
            DataSize maxBodyBytesInFlight) {}

    /**
     * Order-select and order-sign coordination, as the HL7 PDDI CDS implementation guide describes it
     * (docs/clinical-rules.md): a warning the same clinician answered at order-select, for the same draft orders in the
     * same encounter, is not shown again at order-sign.
     *
     * @param skipAnswered the default when the client does not say ({@code extension.pddi-configuration-items}
     *                     {@code filter-out-repeated-alerts} in the order-sign request decides for that call)
     */
    public record OrderSign(@DefaultValue("true") boolean skipAnswered) {}
}
