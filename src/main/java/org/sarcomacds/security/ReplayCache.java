package org.sarcomacds.security;

/** Remembers the {@code jti} of every accepted token until it has expired, so a token is accepted once. */
interface ReplayCache {

    /**
     * True the first time {@code issuer + jti} is seen while it is valid; false for a replay.
     *
     * @param expiresAtMillis until when this token must be remembered (its {@code exp} plus clock skew)
     */
    boolean firstUse(String issuer, String jti, long expiresAtMillis, long nowMillis);
}
