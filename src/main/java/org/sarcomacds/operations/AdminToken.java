package org.sarcomacds.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.protocol.CdsRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The bearer token of the admin endpoints ({@code cds.admin.token}). With no token configured the endpoints answer
 * 404, as if they did not exist. The comparison takes the same time whatever the guess: both sides are hashed to
 * equal length first, then compared with {@link MessageDigest#isEqual}.
 */
@Component
class AdminToken {

    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    AdminToken(CdsProperties properties) {
        String token = properties.admin().token();
        this.expected = token == null || token.isBlank() ? null : sha256(token);
    }

    /** Returns normally when the Authorization header carries the admin token; otherwise throws 404 or 401. */
    void check(String authorization) {
        if (expected == null) {
            throw new CdsRequestException(
                    HttpStatus.NOT_FOUND, "Nothing here; GET /cds-services lists the CDS Services");
        }
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        byte[] offered =
                sha256(bearer ? authorization.substring(BEARER.length()).trim() : "");
        if (!MessageDigest.isEqual(expected, offered) || !bearer) {
            throw new CdsRequestException(HttpStatus.UNAUTHORIZED, "The admin token is missing or wrong");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
