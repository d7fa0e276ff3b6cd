package org.sarcomacds.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sarcomacds.CdsProperties;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of patient ids for log correlation: the same patient gets the same pseudonym while the
 * key stays the same, and the id cannot be recovered or guessed from a log without the key. The key is
 * {@code cds.security.log-hash-key}, or random per start (then pseudonyms correlate within one run only).
 */
@Component
public class LogPseudonyms {

    private final SecretKeySpec key;

    LogPseudonyms(CdsProperties properties) {
        String configured = properties.security().logHashKey();
        byte[] bytes = configured.isEmpty() ? randomKey() : configured.getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A short pseudonym of a patient id, e.g. {@code p-3f9a0c1d2e4b5a6c}. */
    public String patient(String patientId) {
        if (patientId == null) {
            return "-";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
