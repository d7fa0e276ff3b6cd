package org.sarcomacds.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Arrays;
import java.util.UUID;

/** Key pairs a test CDS client signs with, generated in the test; their public halves are what a JWKS serves. */
public final class ClientKeyPairs {

    private ClientKeyPairs() {}

    public static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID("rsa-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(Curve curve) {
        try {
            return new ECKeyGenerator(curve)
                    .keyUse(KeyUse.SIGNATURE)
                    .keyID("ec-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key that can sign with {@code alg}: RSA for RS and PS, the matching curve for ES. */
    public static JWK forAlgorithm(JWSAlgorithm alg) {
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return rsa();
        }
        if (alg.equals(JWSAlgorithm.ES256)) {
            return ec(Curve.P_256);
        }
        if (alg.equals(JWSAlgorithm.ES384)) {
            return ec(Curve.P_384);
        }
        if (alg.equals(JWSAlgorithm.ES512)) {
            return ec(Curve.P_521);
        }
        throw new IllegalArgumentException(alg.getName());
    }

    /** The JWK Set JSON of the public halves, as a client publishes it. */
    public static String publicJwks(JWK... keys) {
        return new JWKSet(Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString();
    }
}
