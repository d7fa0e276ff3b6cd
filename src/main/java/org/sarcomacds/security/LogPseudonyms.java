package org.sarcomacds.security;

import org.sarcomacds.CdsProperties;
import org.springframework.stereotype.Component;

/**
 * Pseudonyms of patient ids for log correlation: the same patient gets the same pseudonym while the key stays the
 * same, and the id cannot be recovered or guessed from a log without the key. The key is
 * {@code cds.security.log-hash-key}, or random per start (then pseudonyms correlate within one run only).
 */
@Component
public class LogPseudonyms {

    private final KeyedHash hash;

    LogPseudonyms(CdsProperties properties) {
        this.hash = new KeyedHash(properties.security().logHashKey());
    }

    /** A short pseudonym of a patient id, e.g. {@code p-3f9a0c1d2e4b5a6c}. */
    public String patient(String patientId) {
        return patientId == null ? "-" : "p-" + hash.hex(patientId).substring(0, 16);
    }
}
