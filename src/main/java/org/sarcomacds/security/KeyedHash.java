package org.sarcomacds.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed hash (HMAC-SHA256) that stands for a patient id in logs and in the feedback store: the same id gives the
 * same hash under the same key, and without the key a hash cannot be reversed by trying ids. With no key configured a
 * random one is made, so hashes match only within one process lifetime.
 */
public final class KeyedHash {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final boolean randomKey;

    public KeyedHash(String configuredKey) {
        this.randomKey = configuredKey == null || configuredKey.isBlank();
        byte[] bytes = randomKey ? new byte[32] : configuredKey.getBytes(StandardCharsets.UTF_8);
        if (randomKey) {
            new SecureRandom().nextBytes(bytes);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** True when no key was configured and a random one is used. */
    public boolean randomKey() {
        return randomKey;
    }

    /** The hash of the text, 64 hex digits. */
    public String hex(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
