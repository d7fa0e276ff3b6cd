package org.sarcomacds.record;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * At most so many requests from this service in progress at once at one FHIR server (scheme, host and port), whatever
 * the number of calls: an EHR must not see hundreds of parallel searches from one CDS service. A request waits for a
 * slot, first come first served, no longer than its hook call's deadline.
 */
final class ServerSlots {

    private final int perServer;
    private final Map<String, Semaphore> servers = new ConcurrentHashMap<>();

    ServerSlots(int perServer) {
        this.perServer = perServer;
    }

    /** @throws FetchException when no slot came free before the deadline ({@code System.nanoTime()} based) */
    Slot take(HttpUrl url, long deadline) {
        Semaphore slots = servers.computeIfAbsent(
                url.scheme() + "://" + url.host() + ":" + url.port(), server -> new Semaphore(perServer, true));
        try {
            if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new FetchException("the FHIR server already had " + perServer
                        + " requests from this service in progress, and none ended within the deadline");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("the fetch was stopped at the deadline");
        }
        return slots::release;
    }

    /** A request's place at its server; closing it frees the place. */
    interface Slot extends AutoCloseable {

        @Override
        void close();
    }
}
