package org.sarcomacds.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jti}s of accepted tokens in this process's memory, each kept until its token has expired (plus clock
 * skew). A token lives at most {@code cds.security.max-token-lifetime}, which bounds how long an entry stays.
 */
final class MemoryReplayCache implements ReplayCache {

    private static final int PURGE_EVERY = 1024;

    private final Map<String, Long> seenUntil = new ConcurrentHashMap<>();
    private final int maxEntries;
    private int sincePurge;

    MemoryReplayCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** False also when the cache is full of unexpired entries: it refuses new tokens rather than forget valid ones. */
    @Override
    public boolean firstUse(String issuer, String jti, long expiresAtMillis, long nowMillis) {
        purgeNowAndThen(nowMillis);
        if (seenUntil.size() >= maxEntries) {
            purge(nowMillis);
            if (seenUntil.size() >= maxEntries) {
                return false;
            }
        }
        String key = issuer.length() + ":" + issuer + jti;
        Long previous = seenUntil.putIfAbsent(key, expiresAtMillis);
        if (previous == null) {
            return true;
        }
        if (previous < nowMillis) {
            return seenUntil.replace(key, previous, expiresAtMillis);
        }
        return false;
    }

    private void purgeNowAndThen(long nowMillis) {
        boolean purge;
        synchronized (this) {
            purge = ++sincePurge >= PURGE_EVERY;
            if (purge) {
                sincePurge = 0;
            }
        }
        if (purge) {
            purge(nowMillis);
        }
    }

    private void purge(long nowMillis) {
        seenUntil.values().removeIf(until -> until < nowMillis);
    }
}
