package org.sarcomacds.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.text.LogText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Validates the JWT a CDS client presents, as CDS Hooks 2.0 §"Trusting CDS Clients" asks: an asymmetric algorithm
 * from an allowlist ({@code none} and HMAC never), {@code typ} JWT, a {@code kid} found in the keys configured for
 * the {@code iss}, a {@code jku} only if allowlisted for that issuer, {@code aud} equal to the endpoint's external
 * URL, {@code exp}/{@code iat}/{@code nbf} within clock skew, a {@code jti} not seen before, and the {@code tenant}
 * where the client lists tenants. Signatures are checked by Nimbus JOSE+JWT.
 */
@Component
class ClientTokenValidator {

    static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final Map<String, CdsProperties.Client> clients;
    private final ClientKeys keys;
    private final ReplayCache replays;
    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    private final long skewMillis;
    private final long maxLifetimeMillis;
    private final Clock clock;

    @Autowired
    ClientTokenValidator(CdsProperties properties, HostResolver resolver, ReplayCache replays) {
        this(
                properties.security(),
                new ClientKeys(new JwksRetriever(resolver), properties.security()),
                replays,
                Clock.systemUTC());
    }

    ClientTokenValidator(CdsProperties.Security settings, ClientKeys keys, ReplayCache replays, Clock clock) {
        this.replays = replays;
        this.clients = settings.clients().stream()
                .filter(c -> c.issuer() != null && c.jwksUrl() != null)
                .collect(Collectors.toUnmodifiableMap(CdsProperties.Client::issuer, Function.identity(), (a, b) -> a));
        this.keys = keys;
        this.skewMillis = settings.clockSkew().toMillis();
        this.maxLifetimeMillis = settings.maxTokenLifetime().toMillis();
        this.clock = clock;
    }

    AuthenticatedClient validate(String token, String expectedAudience) throws TokenRejectedException {
        if (token == null || token.isBlank()) {
            throw new TokenRejectedException("no bearer token");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new TokenRejectedException("token too long");
        }
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
            throw new TokenRejectedException(
                    "alg " + LogText.quote(header.getAlgorithm().getName()) + " is not allowed");
        }
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            throw new TokenRejectedException("typ is not JWT");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new TokenRejectedException("no kid");
        }
        JWTClaimsSet claims = claims(jwt);
        String issuer = claims.getIssuer();
        CdsProperties.Client client = issuer == null ? null : clients.get(issuer);
        if (client == null) {
            throw new TokenRejectedException("issuer " + LogText.quote(issuer) + " is not a trusted client");
        }
        String jku = header.getJWKURL() == null ? null : header.getJWKURL().toString();
        if (jku != null && !client.allowedJku().contains(jku)) {
            throw new TokenRejectedException("jku " + LogText.quote(jku) + " is not allowlisted for "
                    + LogText.quote(issuer) + " (not fetched)");
        }
        verifySignature(jwt, client, jku);
        checkClaims(claims, client, expectedAudience);
        return new AuthenticatedClient(issuer, tenant(claims), client.fhirServers());
    }

    private static SignedJWT parse(String token) throws TokenRejectedException {
        try {
            return SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException("not a signed JWT (malformed, or alg none)");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws TokenRejectedException {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException("claims are not a JSON object of JWT claims");
        }
    }

    /** Keys from the client's configured JWK Set first; from an allowlisted {@code jku} only if none matched there. */
    private void verifySignature(SignedJWT jwt, CdsProperties.Client client, String jku) throws TokenRejectedException {
        List<String> locations = new ArrayList<>();
        locations.add(client.jwksUrl());
        if (jku != null && !jku.equals(client.jwksUrl())) {
            locations.add(jku);
        }
        List<String> problems = new ArrayList<>();
        for (String location : locations) {
            List<JWK> candidates;
            try {
                candidates = keys.matching(location, jwt.getHeader());
            } catch (KeySourceException e) {
                problems.add(
                        location + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            if (!candidates.isEmpty()) {
                if (anyVerifies(jwt, candidates)) {
                    return;
                }
                throw new TokenRejectedException(
                        "bad signature (kid " + LogText.quote(jwt.getHeader().getKeyID()) + ")");
            }
        }
        throw new TokenRejectedException("no key with kid "
                + LogText.quote(jwt.getHeader().getKeyID()) + " for " + LogText.quote(client.issuer())
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)));
    }

    private boolean anyVerifies(SignedJWT jwt, List<JWK> candidates) {
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier =
                        verifiers.createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key).toPublicKey());
                if (jwt.verify(verifier)) {
                    return true;
                }
            } catch (JOSEException | ClassCastException e) {
                // a key that cannot check this signature; try the next one
            }
        }
        return false;
    }

    private void checkClaims(JWTClaimsSet claims, CdsProperties.Client client, String expectedAudience)
            throws TokenRejectedException {
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        Date nbf = claims.getNotBeforeTime();
        if (exp == null || iat == null) {
            throw new TokenRejectedException("exp and iat are required");
        }
        if (exp.getTime() + skewMillis < now) {
            throw new TokenRejectedException("expired");
        }
        if (iat.getTime() - skewMillis > now) {
            throw new TokenRejectedException("issued in the future (iat)");
        }
        if (nbf != null && nbf.getTime() - skewMillis > now) {
            throw new TokenRejectedException("not yet valid (nbf)");
        }
        if (exp.getTime() - iat.getTime() > maxLifetimeMillis) {
            throw new TokenRejectedException("lifetime exp - iat is longer than allowed");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(expectedAudience)) {
            throw new TokenRejectedException(
                    "aud " + LogText.quote(String.valueOf(audience)) + " is not " + LogText.quote(expectedAudience));
        }
        if (!client.tenants().isEmpty() && !client.tenants().contains(tenant(claims))) {
            throw new TokenRejectedException("tenant " + LogText.quote(tenant(claims)) + " is not allowed for "
                    + LogText.quote(client.issuer()));
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new TokenRejectedException("no jti");
        }
        if (!replays.firstUse(client.issuer(), jti, exp.getTime() + skewMillis, now)) {
            throw new TokenRejectedException("jti already used (replay)");
        }
    }

    private static String tenant(JWTClaimsSet claims) {
        return Optional.ofNullable(claims.getClaim("tenant"))
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .orElse(null);
    }
}
