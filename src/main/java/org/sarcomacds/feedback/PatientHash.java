package org.sarcomacds.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyed hash (HMAC-SHA256) of a patient id: the same patient gives the same hash under the same key, so the store
 * can count patients without holding an identifier. Without the key, a hash cannot be reversed by trying ids.
 * With no key configured a random one is made at start: hashes then match only within one process lifetime.
 */
final class PatientHash {

    private static final Logger log = LoggerFactory.getLogger(PatientHash.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    PatientHash(String configuredKey) {
        byte[] bytes;
        if (configuredKey == null || configuredKey.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.warn("cds.privacy.patient-hash-key is not set: patient hashes use a random key and will not match"
                    + " across restarts or replicas");
        } else {
            bytes = configuredKey.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    String of(String patientId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
