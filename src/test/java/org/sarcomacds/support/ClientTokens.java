package org.sarcomacds.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Builds the JWT a CDS client sends, valid by default (typ JWT, kid, iss, aud, exp in 5 minutes, iat now, a fresh
 * jti); each test changes the one thing it is about.
 */
public final class ClientTokens {

    private final JWK key;
    private JWSAlgorithm alg;
    private final JWSHeader.Builder header;
    private final JWTClaimsSet.Builder claims;

    private ClientTokens(JWK key, JWSAlgorithm alg, String issuer, String audience) {
        this.key = key;
        this.alg = alg;
        this.header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID());
        Instant now = Instant.now();
        this.claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    public static ClientTokens signedWith(JWK key, JWSAlgorithm alg, String issuer, String audience) {
        return new ClientTokens(key, alg, issuer, audience);
    }

    public ClientTokens header(UnaryOperator<JWSHeader.Builder> change) {
        change.apply(header);
        return this;
    }

    public ClientTokens claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        change.apply(claims);
        return this;
    }

    public ClientTokens jku(String url) {
        header.jwkURL(URI.create(url));
        return this;
    }

    public ClientTokens times(Instant issuedAt, Instant expires) {
        claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(expires));
        return this;
    }

    /** Signs with the key, whatever kid the header names. */
    public String sign() {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(signer(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner(key.toRSAKey());
    }
}
