package org.sarcomacds.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.sarcomacds.support.ClientKeyPairs;
import org.sarcomacds.support.ClientTokens;

/**
 * For the jar check in {@code .ci/run}: makes a CDS client key, writes its public JWK Set and a few tokens into a
 * folder, for a service whose public base URL is given. Run with
 * {@code mvn exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.sarcomacds.security.CiClientTokens
 * -Dexec.args="target/ci-client https://ci-client.test http://127.0.0.1:18081"}.
 */
public final class CiClientTokens {

    private CiClientTokens() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        String issuer = args[1];
        String base = args[2];
        Files.createDirectories(dir);
        RSAKey key = ClientKeyPairs.rsa();
        Files.writeString(dir.resolve("jwks.json"), ClientKeyPairs.publicJwks(key));
        String service = base + "/cds-services/lms-patient-view";
        Files.writeString(
                dir.resolve("patient-view.jwt"),
                ClientTokens.signedWith(key, JWSAlgorithm.RS384, issuer, service)
                        .sign());
        Files.writeString(
                dir.resolve("discovery.jwt"),
                ClientTokens.signedWith(key, JWSAlgorithm.RS384, issuer, base + "/cds-services")
                        .sign());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(service)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        Files.writeString(dir.resolve("unsigned.jwt"), new PlainJWT(claims).serialize());
    }
}
