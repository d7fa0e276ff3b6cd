package org.sarcomacds.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trusted CDS client whose public JWK Set is a static file ({@code file:} jwks-url), so a test needs no key
 * server: its RS384 key, the settings that trust it, and the bearer tokens it sends.
 */
public final class FileClient {

    private final String issuer;
    private final RSAKey key = ClientKeyPairs.rsa();
    private final Path jwks;

    public FileClient(Path dir, String issuer) {
        this.issuer = issuer;
        try {
            Files.createDirectories(dir);
            this.jwks = Files.writeString(Files.createTempFile(dir, "jwks-", ".json"), ClientKeyPairs.publicJwks(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return "file:" + jwks.toAbsolutePath();
    }

    /** The settings that make this client trusted client number {@code index}. */
    public List<String> settings(int index) {
        String prefix = "cds.security.clients[" + index + "].";
        return List.of(prefix + "issuer=" + issuer, prefix + "jwks-url=" + jwksUrl());
    }

    /** A fresh token (new jti) for the URL {@code base + path}, as an {@code Authorization} header value. */
    public String bearer(String base, String path) {
        return "Bearer "
                + ClientTokens.signedWith(key, JWSAlgorithm.RS384, issuer, base + path)
                        .sign();
    }
}
