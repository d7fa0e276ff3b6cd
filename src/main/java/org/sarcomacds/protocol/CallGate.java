package org.sarcomacds.protocol;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sarcomacds.CdsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * How many hook calls are parsed and run at once. Calls arrive on virtual threads, as many as clients open; each takes
 * its turn here only once its body has arrived, so a client that stalls or trickles its body never holds a turn. The
 * turns bound the CPU work and the heap of the calls (each holds its request's JSON tree and its patient record); a
 * call that waits longer than {@code cds.capacity.max-call-wait} for its turn is answered 503.
 */
@Component
class CallGate {

    private final int turns;
    private final long maxWaitNanos;
    private final Semaphore free;
    private final AtomicInteger waiting = new AtomicInteger();

    CallGate(CdsProperties properties) {
        this.turns = properties.capacity().maxConcurrentCalls();
        this.maxWaitNanos = properties.capacity().maxCallWait().toNanos();
        this.free = new Semaphore(turns, true);
    }

    /** A turn, held until it is closed; 503 when none comes free in time. */
    Turn enter() {
        waiting.incrementAndGet();
        try {
            if (!free.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
        return free::release;
    }

    /** Every turn taken and at least as many calls again waiting: a new call would wait a whole call or more. */
    boolean saturated() {
        return free.availablePermits() == 0 && waiting.get() >= turns;
    }

    int running() {
        return turns - free.availablePermits();
    }

    int waiting() {
        return waiting.get();
    }

    private static CdsRequestException busy() {
        return new CdsRequestException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service is answering as many calls as it can at once; send this one again shortly");
    }

    /** One call's turn; closing it lets the next call in. */
    interface Turn extends AutoCloseable {

        @Override
        void close();
    }
}
