package org.sarcomacds.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sarcomacds.support.ClientKeyPairs;
import org.sarcomacds.support.ClientTokens;
import org.sarcomacds.support.Fixture;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Client JWTs with {@code cds.security.require-jwt=true}: keys generated here, JWK Sets served by WireMock on
 * 127.0.0.1. Valid tokens of every allowed algorithm are accepted; each kind of bad token gets a bare 401. The
 * configured public base URL ({@code https://cds.test}) differs from the address the test calls, so {@code aud} is
 * shown to come from the configuration, not from the request.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.security.require-jwt=true", "cds.public-base-url=https://cds.test/"})
class JwtAuthenticationTest {

    static final String BASE = "https://cds.test";
    static final String ISSUER = "https://ehr.test";
    static final String SERVICE = "/cds-services/lms-patient-view";
    static final List<JWSAlgorithm> ALGORITHMS = List.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    static final WireMockServer KEYS = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    static final RSAKey RSA = ClientKeyPairs.rsa();
    static final ECKey EC = ClientKeyPairs.ec(Curve.P_384);
    static final List<JWK> PER_ALGORITHM =
            ALGORITHMS.stream().map(ClientKeyPairs::forAlgorithm).toList();
    /** Published only at the allowlisted jku. */
    static final ECKey AT_ALLOWED_JKU = ClientKeyPairs.ec(Curve.P_384);
    /** Published only at a jku that is not allowlisted: a token naming it must fail without it being fetched. */
    static final ECKey AT_EVIL_JKU = ClientKeyPairs.ec(Curve.P_384);

    static final ECKey ROTATED_IN = ClientKeyPairs.ec(Curve.P_384);
    static final ECKey NEVER_PUBLISHED = ClientKeyPairs.ec(Curve.P_384);
    static final String BODY = patientViewCall();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        KEYS.start();
        JWK[] published =
                Stream.concat(Stream.of(RSA, EC), PER_ALGORITHM.stream()).toArray(JWK[]::new);
        serve("/ehr/jwks.json", ClientKeyPairs.publicJwks(published));
        serve("/ehr/allowed-jku.json", ClientKeyPairs.publicJwks(AT_ALLOWED_JKU));
        serve("/ehr/evil-jku.json", ClientKeyPairs.publicJwks(AT_EVIL_JKU));
        serve("/tenanted/jwks.json", ClientKeyPairs.publicJwks(EC));
        serve("/rotating/jwks.json", ClientKeyPairs.publicJwks(EC));
        // a list is bound from one property source only, so every client setting is here
        registry.add("cds.security.clients[0].issuer", () -> ISSUER);
        registry.add("cds.security.clients[1].issuer", () -> "https://tenanted.test");
        registry.add("cds.security.clients[1].tenants[0]", () -> "hospital-a");
        registry.add("cds.security.clients[2].issuer", () -> "https://rotating.test");
        registry.add("cds.security.clients[0].jwks-url", () -> keysUrl("/ehr/jwks.json"));
        registry.add("cds.security.clients[0].allowed-jku[0]", () -> keysUrl("/ehr/allowed-jku.json"));
        registry.add("cds.security.clients[1].jwks-url", () -> keysUrl("/tenanted/jwks.json"));
        registry.add("cds.security.clients[2].jwks-url", () -> keysUrl("/rotating/jwks.json"));
    }

    @AfterAll
    static void stop() {
        KEYS.stop();
    }

    static void serve(String path, String jwks) {
        KEYS.stubFor(get(urlEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(jwks)));
    }

    static String keysUrl(String path) {
        return "http://127.0.0.1:" + KEYS.port() + path;
    }

    static String patientViewCall() {
        Fixture fixture = Fixture.all().stream()
                .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
                .findFirst()
                .orElseThrow();
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID() + "\",\"context\":"
                + fixture.context("patient-view").orElseThrow() + ",\"prefetch\":{}}";
    }

    static ClientTokens token(JWK key, JWSAlgorithm alg) {
        return ClientTokens.signedWith(key, alg, ISSUER, BASE + SERVICE);
    }

    static ClientTokens es384() {
        return token(EC, JWSAlgorithm.ES384);
    }

    /** POSTs the patient-view call; 412 means authenticated (no prefetch, no FHIR server), 401 means refused. */
    int call(String authorization) {
        return send(SERVICE, "POST", authorization).statusCode();
    }

    HttpResponse<String> send(String path, String method, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.method(
                method,
                method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString(BODY)
                        : HttpRequest.BodyPublishers.noBody());
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertAuthenticated(int status) {
        assertThat(status)
                .as("authenticated: the hook ran and found no data (412)")
                .isEqualTo(412);
    }

    static void assertUnauthorized(int status) {
        assertThat(status).isEqualTo(401);
    }

    static Stream<Integer> algorithmIndexes() {
        return Stream.iterate(0, i -> i < ALGORITHMS.size(), i -> i + 1);
    }

    @ParameterizedTest
    @MethodSource("algorithmIndexes")
    void everyAllowedAsymmetricAlgorithmIsAccepted(int i) {
        assertAuthenticated(
                call("Bearer " + token(PER_ALGORITHM.get(i), ALGORITHMS.get(i)).sign()));
    }

    @Test
    void rs384AndEs384AreAccepted() {
        assertAuthenticated(call("Bearer " + token(RSA, JWSAlgorithm.RS384).sign()));
        assertAuthenticated(call("Bearer " + es384().sign()));
    }

    @Test
    void validTokenWithSubAndAudArrayIsAccepted() {
        String jwt = es384().claims(c -> c.subject("epic-client-id")
                        .audience(List.of("https://other.test", BASE + SERVICE))
                        .notBeforeTime(Date.from(Instant.now().minusSeconds(300))))
                .sign();
        assertAuthenticated(call("Bearer " + jwt));
    }

    @Test
    void discoveryAndFeedbackNeedTheirOwnAudience() {
        String discovery = ClientTokens.signedWith(EC, JWSAlgorithm.ES384, ISSUER, BASE + "/cds-services")
                .sign();
        assertThat(send("/cds-services", "GET", "Bearer " + discovery).statusCode())
                .isEqualTo(200);
        assertThat(send("/cds-services", "GET", null).statusCode()).isEqualTo(401);
        String wrongAud = es384().sign();
        assertThat(send("/cds-services", "GET", "Bearer " + wrongAud).statusCode())
                .isEqualTo(401);

        String feedback = ClientTokens.signedWith(EC, JWSAlgorithm.ES384, ISSUER, BASE + SERVICE + "/feedback")
                .sign();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE + "/feedback"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + feedback)
                .POST(HttpRequest.BodyPublishers.ofString("{\"feedback\":[{\"card\":\"" + UUID.randomUUID()
                        + "\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-11-27T10:00:00Z\"}]}"))
                .build();
        try {
            assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theEvidencePagesACardLinksToNeedNoToken() {
        HttpResponse<String> page = send("/evidence/LMS-TRABECTEDIN-NEXT-LINE", "GET", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demetri");
        assertThat(send(SERVICE, "POST", null).statusCode())
                .as("the services still do")
                .isEqualTo(401);
    }

    @Test
    void refusalIsABare401WithTheSameBodyWhateverTheReason() {
        HttpResponse<String> missing = send(SERVICE, "POST", null);
        HttpResponse<String> expired = send(
                SERVICE,
                "POST",
                "Bearer "
                        + es384().times(
                                        Instant.now().minusSeconds(900),
                                        Instant.now().minusSeconds(600))
                                .sign());
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).isEqualTo(missing.body()).doesNotContainIgnoringCase("expired");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void preflightNeedsNoToken() {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + SERVICE))
                .header("Origin", "https://sandbox.cds-hooks.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(preflight, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin"))
                    .isPresent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void missingOrNonBearerAuthorizationIsRefused() {
        assertUnauthorized(call(null));
        assertUnauthorized(call("Basic dXNlcjpwYXNz"));
        assertUnauthorized(call("Bearer "));
        assertUnauthorized(call("Bearer not.a.jwt"));
    }

    @Test
    void expiredTokenIsRefused() {
        assertUnauthorized(call("Bearer "
                + es384().times(Instant.now().minusSeconds(900), Instant.now().minusSeconds(300))
                        .sign()));
    }

    @Test
    void expiryWithinTheClockSkewIsTolerated() {
        assertAuthenticated(call("Bearer "
                + es384().times(Instant.now().minusSeconds(200), Instant.now().minusSeconds(20))
                        .sign()));
    }

    @Test
    void notYetValidTokenIsRefused() {
        assertUnauthorized(call("Bearer "
                + es384().claims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))))
                        .sign()));
        assertUnauthorized(call("Bearer "
                + es384().times(Instant.now().plusSeconds(600), Instant.now().plusSeconds(900))
                        .sign()));
    }

    @Test
    void tokenWithoutExpOrIatOrJtiIsRefused() {
        assertUnauthorized(
                call("Bearer " + es384().claims(c -> c.expirationTime(null)).sign()));
        assertUnauthorized(
                call("Bearer " + es384().claims(c -> c.issueTime(null)).sign()));
        assertUnauthorized(call("Bearer " + es384().claims(c -> c.jwtID(null)).sign()));
    }

    @Test
    void tooLongLivedTokenIsRefused() {
        assertUnauthorized(call("Bearer "
                + es384().times(Instant.now(), Instant.now().plus(Duration.ofHours(3)))
                        .sign()));
    }

    @Test
    void wrongAudienceIsRefused() {
        assertUnauthorized(call("Bearer "
                + es384().claims(c -> c.audience(BASE + "/cds-services/lms-order-sign"))
                        .sign()));
        assertUnauthorized(call("Bearer "
                + es384().claims(c -> c.audience("http://127.0.0.1:" + port + SERVICE))
                        .sign()));
        assertUnauthorized(call("Bearer "
                + es384().claims(c -> c.audience(BASE + SERVICE + "/")).sign()));
        assertUnauthorized(
                call("Bearer " + es384().claims(c -> c.audience((String) null)).sign()));
    }

    @Test
    void unknownIssuerIsRefused() {
        assertUnauthorized(call("Bearer "
                + es384().claims(c -> c.issuer("https://stranger.test")).sign()));
        assertUnauthorized(
                call("Bearer " + es384().claims(c -> c.issuer(ISSUER + "/")).sign()));
        assertUnauthorized(call("Bearer " + es384().claims(c -> c.issuer(null)).sign()));
    }

    @Test
    void unknownKidIsRefused() {
        assertUnauthorized(
                call("Bearer " + token(NEVER_PUBLISHED, JWSAlgorithm.ES384).sign()));
        assertUnauthorized(
                call("Bearer " + es384().header(h -> h.keyID("no-such-kid")).sign()));
        assertUnauthorized(call("Bearer " + es384().header(h -> h.keyID(null)).sign()));
    }

    @Test
    void badSignatureIsRefused() {
        // signed with an unpublished key, under the kid of a published one
        assertUnauthorized(call("Bearer "
                + token(NEVER_PUBLISHED, JWSAlgorithm.ES384)
                        .header(h -> h.keyID(EC.getKeyID()))
                        .sign()));
        // a valid token whose payload was changed after signing
        String[] parts = es384().sign().split("\\.");
        String payload = Base64URL.from(parts[1]).decodeToString();
        String forged = parts[0] + "." + Base64URL.encode(payload.substring(0, payload.length() - 1) + ",\"x\":1}")
                + "." + parts[2];
        assertUnauthorized(call("Bearer " + forged));
    }

    @Test
    void keyEmbeddedInTheHeaderIsIgnored() {
        // jwk and x5u headers name the signer's own key: only configured key locations count
        assertUnauthorized(call("Bearer "
                + token(NEVER_PUBLISHED, JWSAlgorithm.ES384)
                        .header(h -> h.jwk(NEVER_PUBLISHED.toPublicJWK()))
                        .sign()));
        assertUnauthorized(call("Bearer "
                + token(NEVER_PUBLISHED, JWSAlgorithm.ES384)
                        .header(h -> h.jwk(NEVER_PUBLISHED.toPublicJWK()).keyID(EC.getKeyID()))
                        .sign()));
        assertUnauthorized(call("Bearer "
                + token(NEVER_PUBLISHED, JWSAlgorithm.ES384)
                        .header(h -> h.x509CertURL(URI.create(keysUrl("/ehr/evil-jku.json"))))
                        .sign()));
        KEYS.verify(0, getRequestedFor(urlEqualTo("/ehr/evil-jku.json")));
    }

    @Test
    void algNoneIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(BASE + SERVICE)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        assertUnauthorized(call("Bearer " + new PlainJWT(claims).serialize()));
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + EC.getKeyID() + "\"}")
                .toString();
        String valid = es384().sign();
        String[] parts = valid.split("\\.");
        assertUnauthorized(call("Bearer " + header + "." + parts[1] + "."));
        assertUnauthorized(call("Bearer " + header + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void hs256KeyedWithThePublicKeyIsRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(BASE + SERVICE)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        for (byte[] secret : List.of(
                RSA.toPublicJWK().toJSONString().getBytes(),
                RSA.toRSAPublicKey().getEncoded())) {
            SignedJWT hmac = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(RSA.getKeyID())
                            .build(),
                    claims);
            hmac.sign(new MACSigner(secret));
            assertUnauthorized(call("Bearer " + hmac.serialize()));
        }
    }

    @Test
    void typOtherThanJwtIsRefused() {
        assertUnauthorized(call("Bearer " + es384().header(h -> h.type(null)).sign()));
        assertUnauthorized(call("Bearer "
                + es384().header(h -> h.type(new JOSEObjectType("at+jwt"))).sign()));
    }

    @Test
    void replayedJtiIsRefused() {
        String jwt = es384().sign();
        assertAuthenticated(call("Bearer " + jwt));
        assertUnauthorized(call("Bearer " + jwt));
        String sameJti = es384().claims(c -> c.jwtID(JwtId.of(jwt))).sign();
        assertUnauthorized(call("Bearer " + sameJti));
    }

    @Test
    void jkuOffTheAllowlistIsRefusedAndNeverFetched() {
        String jwt = token(AT_EVIL_JKU, JWSAlgorithm.ES384)
                .jku(keysUrl("/ehr/evil-jku.json"))
                .sign();
        assertUnauthorized(call("Bearer " + jwt));
        String other = token(AT_EVIL_JKU, JWSAlgorithm.ES384)
                .jku("http://169.254.169.254/latest/jwks.json")
                .sign();
        assertUnauthorized(call("Bearer " + other));
        KEYS.verify(0, getRequestedFor(urlEqualTo("/ehr/evil-jku.json")));
    }

    @Test
    void allowlistedJkuIsUsedForKeysNotInTheConfiguredSet() {
        String jwt = token(AT_ALLOWED_JKU, JWSAlgorithm.ES384)
                .jku(keysUrl("/ehr/allowed-jku.json"))
                .sign();
        assertAuthenticated(call("Bearer " + jwt));
        KEYS.verify(getRequestedFor(urlEqualTo("/ehr/allowed-jku.json")));
        // the same key without the jku is not in the configured set
        assertUnauthorized(
                call("Bearer " + token(AT_ALLOWED_JKU, JWSAlgorithm.ES384).sign()));
    }

    @Test
    void tenantIsCheckedWhereConfigured() {
        ClientTokens tenanted =
                ClientTokens.signedWith(EC, JWSAlgorithm.ES384, "https://tenanted.test", BASE + SERVICE);
        assertAuthenticated(call("Bearer "
                + tenanted.claims(c -> c.claim("tenant", "hospital-a")).sign()));
        assertUnauthorized(call("Bearer "
                + ClientTokens.signedWith(EC, JWSAlgorithm.ES384, "https://tenanted.test", BASE + SERVICE)
                        .claims(c -> c.claim("tenant", "hospital-b"))
                        .sign()));
        assertUnauthorized(call("Bearer "
                + ClientTokens.signedWith(EC, JWSAlgorithm.ES384, "https://tenanted.test", BASE + SERVICE)
                        .sign()));
    }

    @Test
    void rotatedKeyIsFoundByRefreshingOnUnknownKidWithinTheCooldown() {
        ClientTokens first = ClientTokens.signedWith(EC, JWSAlgorithm.ES384, "https://rotating.test", BASE + SERVICE);
        assertAuthenticated(call("Bearer " + first.sign()));
        assertAuthenticated(call("Bearer "
                + ClientTokens.signedWith(EC, JWSAlgorithm.ES384, "https://rotating.test", BASE + SERVICE)
                        .sign()));
        KEYS.verify(1, getRequestedFor(urlEqualTo("/rotating/jwks.json")));

        serve("/rotating/jwks.json", ClientKeyPairs.publicJwks(EC, ROTATED_IN));
        assertAuthenticated(call("Bearer "
                + ClientTokens.signedWith(ROTATED_IN, JWSAlgorithm.ES384, "https://rotating.test", BASE + SERVICE)
                        .sign()));
        KEYS.verify(2, getRequestedFor(urlEqualTo("/rotating/jwks.json")));

        // within the cooldown, more unknown kids do not make us fetch again
        for (int i = 0; i < 5; i++) {
            assertUnauthorized(call("Bearer "
                    + ClientTokens.signedWith(
                                    NEVER_PUBLISHED, JWSAlgorithm.ES384, "https://rotating.test", BASE + SERVICE)
                            .sign()));
        }
        assertThat(KEYS.countRequestsMatching(getRequestedFor(urlEqualTo("/rotating/jwks.json"))
                                .build())
                        .getCount())
                .isLessThanOrEqualTo(3);
    }

    /** Reads the jti of a token this test made. */
    static final class JwtId {
        static String of(String jwt) {
            try {
                return SignedJWT.parse(jwt).getJWTClaimsSet().getJWTID();
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
