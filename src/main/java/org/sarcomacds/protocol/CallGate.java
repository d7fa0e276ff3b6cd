package org.sarcomacds.protocol;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.sarcomacds.CdsProperties;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Where hook calls are parsed and run: on {@code cds.capacity.max-concurrent-calls} platform threads of their own,
 * first come first served. Requests arrive on virtual threads, as many as clients open, and hand their call over here
 * only once the body has arrived, so a client that stalls or trickles its body never holds a worker. A call is CPU
 * work: on virtual threads it would hold a carrier until it ends, and calls whose I/O is ready queue behind it with no
 * order (measured: p99 0.6 s beside a 1.7 ms median, docs/performance.md); on platform threads the OS shares the cores
 * fairly. The workers also bound the heap of the calls (each holds its request's JSON tree and its patient record).
 * A call not started within {@code cds.capacity.max-call-wait} is answered 503 and never runs.
 */
@Component
class CallGate implements DisposableBean {

    private static final int QUEUED = 0;
    private static final int STARTED = 1;
    private static final int GIVEN_UP = 2;

    private final int turns;
    private final long maxWaitNanos;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();

    CallGate(CdsProperties properties) {
        this.turns = properties.capacity().maxConcurrentCalls();
        this.maxWaitNanos = properties.capacity().maxCallWait().toNanos();
        this.workers = new ThreadPoolExecutor(
                turns,
                turns,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("hook-call-", 1).daemon().factory());
    }

    /**
     * Runs the call on a worker and returns what it returns, or throws what it throws; the log context travels with it
     * both ways (a call puts its {@code hookInstance} there for the lines that answer it). 503 when no worker takes it
     * within the wait.
     */
    <T> T run(Supplier<T> call) {
        AtomicInteger state = new AtomicInteger(QUEUED);
        Map<String, String> context = MDC.getCopyOfContextMap();
        CompletableFuture<Ran<T>> done = new CompletableFuture<>();
        waiting.incrementAndGet();
        try {
            workers.execute(() -> runIfStillWanted(call, state, context, done));
        } catch (RuntimeException rejected) {
            waiting.decrementAndGet();
            throw busy();
        }
        Ran<T> ran = await(done, state);
        restore(ran.context());
        if (ran.exception() != null) {
            throw ran.exception();
        }
        if (ran.error() != null) {
            throw ran.error();
        }
        return ran.value();
    }

    private <T> void runIfStillWanted(
            Supplier<T> call, AtomicInteger state, Map<String, String> context, CompletableFuture<Ran<T>> done) {
        if (!state.compareAndSet(QUEUED, STARTED)) {
            return; // its caller was answered 503 already
        }
        waiting.decrementAndGet();
        running.incrementAndGet();
        restore(context);
        Ran<T> ran;
        try {
            ran = new Ran<>(call.get(), null, null, MDC.getCopyOfContextMap());
        } catch (RuntimeException e) {
            ran = new Ran<>(null, e, null, MDC.getCopyOfContextMap());
        } catch (Error e) {
            ran = new Ran<>(null, null, e, MDC.getCopyOfContextMap());
        } finally {
            MDC.clear();
            running.decrementAndGet();
        }
        done.complete(ran); // after the counts: the caller that wakes up sees this worker free
    }

    private <T> Ran<T> await(CompletableFuture<Ran<T>> done, AtomicInteger state) {
        try {
            try {
                return done.get(maxWaitNanos, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (state.compareAndSet(QUEUED, GIVEN_UP)) {
                    waiting.decrementAndGet();
                    throw busy();
                }
                return done.get(); // started in time: it runs to its end (its fetches have their own deadline)
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (state.compareAndSet(QUEUED, GIVEN_UP)) {
                waiting.decrementAndGet();
            }
            throw busy();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a hook call's future completed exceptionally", e.getCause());
        }
    }

    private static void restore(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /** Every worker busy and at least as many calls again waiting: a new call would wait a whole call or more. */
    boolean saturated() {
        return running.get() >= turns && waiting.get() >= turns;
    }

    int running() {
        return running.get();
    }

    int waiting() {
        return waiting.get();
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    private static CdsRequestException busy() {
        return new CdsRequestException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service is answering as many calls as it can at once; send this one again shortly");
    }

    /** What a call returned or threw, and the log context it ended with. */
    private record Ran<T>(T value, RuntimeException exception, Error error, Map<String, String> context) {}
}
