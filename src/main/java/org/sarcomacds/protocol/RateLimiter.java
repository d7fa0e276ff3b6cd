package org.sarcomacds.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each holds up to {@code burst} requests and refills at {@code perMinute}. Buckets that
 * have refilled are dropped when the map grows (a full bucket and no bucket are the same thing), so it holds only
 * clients active within about {@code burst / perMinute} minutes, and at most {@code maxClients}.
 */
final class RateLimiter {

    private final double perNano;
    private final double burst;
    private final int maxClients;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, int burst, int maxClients, LongSupplier nanoTime) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException(
                    "cds.feedback.rate-limit.requests-per-minute and .burst must be at least 1");
        }
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.maxClients = maxClients;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one request from the client's bucket.
     *
     * @return 0 when the request may go ahead; otherwise the whole seconds after which one will be allowed
     */
    long acquire(String client) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
            if (buckets.size() >= maxClients) {
                return secondsUntilOne(0); // every bucket busy: a new client waits like an exhausted one
            }
        }
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now)).take(now);
    }

    private long secondsUntilOne(double tokens) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }

    private final class Bucket {

        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return secondsUntilOne(tokens);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - at) * perNano);
            at = now;
        }
    }
}
