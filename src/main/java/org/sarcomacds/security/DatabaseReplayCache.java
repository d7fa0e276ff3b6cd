package org.sarcomacds.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code jti}s of accepted tokens in the database ({@code used_jti}, Flyway's {@code V3}), shared by every
 * replica on it: a token accepted by one replica is a replay on all the others. The table's primary key decides,
 * exactly as for feedback: the insert that loses to another replica's is a duplicate key, so the token is refused.
 * Expired rows are deleted at most once a minute by whichever call comes along.
 * <p>
 * When the database cannot be reached, tokens are checked against this replica's memory instead for a minute
 * before the database is tried again: replay protection falls back to what one replica knows rather than turning
 * every hook call away (or making each wait for a connection) while the database is down.
 */
final class DatabaseReplayCache implements ReplayCache {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReplayCache.class);
    static final long PURGE_EVERY_MILLIS = 60_000;
    static final long RETRY_DATABASE_AFTER_MILLIS = 60_000;

    private final JdbcTemplate jdbc;
    private final ReplayCache fallback;
    private final AtomicLong nextPurge = new AtomicLong();
    /** While now is before this, the database is not tried; 0 when it is in use. */
    private final AtomicLong databaseDownUntil = new AtomicLong();

    DatabaseReplayCache(JdbcTemplate jdbc, ReplayCache fallback) {
        this.jdbc = jdbc;
        this.fallback = fallback;
    }

    @Override
    public boolean firstUse(String issuer, String jti, long expiresAtMillis, long nowMillis) {
        long downUntil = databaseDownUntil.get();
        if (downUntil != 0 && nowMillis < downUntil) {
            return fallback.firstUse(issuer, jti, expiresAtMillis, nowMillis);
        }
        try {
            boolean first = recordOnce(key(issuer, jti), expiresAtMillis, nowMillis);
            if (downUntil != 0 && databaseDownUntil.compareAndSet(downUntil, 0)) {
                log.info("the JWT replay cache uses the database again");
            }
            purgeNowAndThen(nowMillis);
            return first;
        } catch (DataAccessException e) {
            if (databaseDownUntil.getAndSet(nowMillis + RETRY_DATABASE_AFTER_MILLIS) == 0) {
                log.error(
                        "the JWT replay cache cannot use the database ({}); replays are checked against this replica"
                                + " only until it can",
                        e.getClass().getSimpleName());
            }
            return fallback.firstUse(issuer, jti, expiresAtMillis, nowMillis);
        }
    }

    /** Insert-if-absent; a row whose token has expired may be taken over by a new token with the same jti. */
    private boolean recordOnce(String key, long expiresAtMillis, long nowMillis) {
        try {
            jdbc.update("INSERT INTO used_jti (token_key, expires_at) VALUES (?, ?)", key, timestamp(expiresAtMillis));
            return true;
        } catch (DuplicateKeyException e) {
            return jdbc.update(
                            "UPDATE used_jti SET expires_at = ? WHERE token_key = ? AND expires_at < ?",
                            timestamp(expiresAtMillis),
                            key,
                            timestamp(nowMillis))
                    == 1;
        }
    }

    private void purgeNowAndThen(long nowMillis) {
        long due = nextPurge.get();
        if (nowMillis < due || !nextPurge.compareAndSet(due, nowMillis + PURGE_EVERY_MILLIS)) {
            return;
        }
        try {
            int deleted = jdbc.update("DELETE FROM used_jti WHERE expires_at < ?", timestamp(nowMillis));
            log.debug("replay cache: {} expired jti rows deleted", deleted);
        } catch (DataAccessException e) {
            // the token is recorded; the rows are deleted by a later call
            log.warn("expired jti rows could not be deleted: {}", e.getClass().getSimpleName());
        }
    }

    /** SHA-256 of the issuer and the jti: a fixed-length key whatever the client sends as jti. */
    static String key(String issuer, String jti) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((issuer.length() + ":" + issuer + jti).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static OffsetDateTime timestamp(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
