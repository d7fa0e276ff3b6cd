package org.sarcomacds.feedback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.sarcomacds.CdsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Writes issued cards off the hook call's path. A hook call queues its cards and returns; one background thread
 * writes what is queued in one transaction per batch (up to {@link #BATCH_CARDS} cards), at the latest
 * {@code maxDelay} after the batch's first call was taken from the queue, so a busy server commits once for many calls.
 * <p>
 * Nothing is dropped silently: when the queue is full (the database is slower than the calls come in), or the writer
 * is not running (before start, after stop), the caller writes its own cards — back-pressure instead of loss. A write
 * that fails is logged and reported through each call's {@code onFailure}. {@link #flush()} returns once everything
 * queued before it is committed; stopping, which Spring does before it closes the DataSource, writes everything
 * still queued.
 * <p>
 * One call never costs another its cards: a call with a value the store cannot keep is refused before it is queued,
 * and a batch that fails for any other reason than the database being unreachable is written again call by call, so
 * only the call at fault is lost.
 */
@Component
public class IssuedCardWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IssuedCardWriter.class);

    /** Cards per transaction: a batch ends with the call that reaches this many. */
    static final int BATCH_CARDS = 500;
    /** Stopped after the web server (phase {@code DEFAULT_PHASE - 2048}), so the calls it lets finish get written. */
    static final int PHASE = DEFAULT_PHASE - 4096;
    /** How long {@link #flush()} and {@link #stop()} wait for the writer thread: beyond any sane database write. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final FeedbackStore store;
    private final long maxDelayNanos;
    /** Free places for hook answers in the queue; flush and stop markers take none, so they never wait for room. */
    private final Semaphore free;

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /** Guards {@code accepting} and {@code worker}: nothing joins the queue once stop has queued its marker. */
    private final Object gate = new Object();

    private boolean accepting;
    private Thread worker;

    @Autowired
    IssuedCardWriter(FeedbackStore store, CdsProperties properties) {
        this(store, properties.store().issuedQueueCapacity(), properties.store().issuedMaxDelay());
    }

    IssuedCardWriter(FeedbackStore store, int queueCapacity, Duration maxDelay) {
        if (queueCapacity < 1 || maxDelay.isNegative()) {
            throw new IllegalArgumentException("cds.store.issued-queue-capacity must be at least 1 and"
                    + " cds.store.issued-max-delay not negative");
        }
        this.store = store;
        this.free = new Semaphore(queueCapacity);
        this.maxDelayNanos = maxDelay.toNanos();
    }

    /**
     * Queues the cards of one hook answer, or writes them now on the caller's thread when the queue is full or the
     * writer is not running. Never throws for a store failure: {@code onFailure} runs instead (on whichever thread
     * wrote), once per call whose cards were not stored.
     */
    public void submit(IssuedCards issued, Runnable onFailure) {
        if (issued.cards().isEmpty()) {
            return;
        }
        String problem = StorableValues.problem(issued);
        if (problem != null) {
            log.error("issued cards of one hook call not stored: {}", problem);
            reportFailure(onFailure);
            return;
        }
        Pending call = new Pending(issued, onFailure, null, false);
        boolean queued;
        synchronized (gate) {
            queued = accepting && free.tryAcquire();
            if (queued) {
                queue.add(call);
            }
        }
        if (!queued) {
            write(List.of(call));
        }
    }

    /** Returns once the cards of every call submitted before it are committed (or their write has failed). */
    public void flush() {
        Pending marker = Pending.marker(false);
        synchronized (gate) {
            if (!accepting) {
                return; // not running: every submit wrote synchronously
            }
            queue.add(marker);
        }
        await(marker);
    }

    @Override
    public void start() {
        synchronized (gate) {
            if (accepting) {
                return;
            }
            worker = new Thread(this::run, "issued-card-writer");
            worker.setDaemon(true);
            worker.start();
            accepting = true;
        }
    }

    /** Writes everything queued, then ends the writer thread; later submits write synchronously. */
    @Override
    public void stop() {
        Pending last = Pending.marker(true);
        Thread thread;
        synchronized (gate) {
            if (!accepting) {
                return;
            }
            accepting = false;
            queue.add(last);
            thread = worker;
            worker = null;
        }
        await(last);
        try {
            thread.join(MAX_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (gate) {
            return accepting;
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static void await(Pending marker) {
        try {
            marker.written().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("issued cards still not written after {} s", MAX_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a flush marker is only ever completed normally", e);
        }
    }

    private void run() {
        boolean last = false;
        while (!last) {
            List<Pending> calls = new ArrayList<>();
            List<Pending> markers = new ArrayList<>();
            int cards = 0;
            Pending next = take();
            long deadline = System.nanoTime() + maxDelayNanos;
            while (next != null) {
                if (next.isMarker()) {
                    markers.add(next);
                    last |= next.last();
                } else {
                    free.release();
                    calls.add(next);
                    cards += next.issued().cards().size();
                }
                if (cards >= BATCH_CARDS) {
                    break;
                }
                // A waiting flush or stop wants what is queued now written now, not what may come within the delay.
                next = markers.isEmpty() ? poll(deadline) : queue.poll();
            }
            try {
                if (!calls.isEmpty()) {
                    write(calls);
                }
            } finally {
                markers.forEach(marker -> marker.written().complete(null));
            }
        }
    }

    private void write(List<Pending> calls) {
        RuntimeException failure = tryWrite(calls);
        if (failure == null) {
            return;
        }
        log.error(
                "issued cards of {} hook calls could not be stored: {}",
                calls.size(),
                failure.getClass().getSimpleName());
        if (calls.size() == 1 || databaseUnavailable(failure)) {
            calls.forEach(call -> reportFailure(call.onFailure()));
            return;
        }
        // Something in the batch, not the database: each call again on its own, so only the one at fault is lost.
        int lost = 0;
        boolean unavailable = false;
        for (Pending call : calls) {
            RuntimeException alone = unavailable ? failure : tryWrite(List.of(call));
            if (alone != null) {
                lost++;
                unavailable |= databaseUnavailable(alone); // the database went away meanwhile: try no further
                reportFailure(call.onFailure());
            }
        }
        log.warn("written one by one: {} of {} hook calls' issued cards stored", calls.size() - lost, calls.size());
    }

    private RuntimeException tryWrite(List<Pending> calls) {
        try {
            store.recordIssued(calls.stream().map(Pending::issued).toList());
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The database cannot be reached (or is overloaded): writing call by call would only fail more slowly. */
    private static boolean databaseUnavailable(RuntimeException e) {
        return e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException;
    }

    private static void reportFailure(Runnable onFailure) {
        try {
            onFailure.run();
        } catch (RuntimeException e) {
            // a failing failure report must not end the writer thread
            log.error(
                    "reporting an issued-card write failure failed: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Only stop ends the writer thread (by its marker), so an interrupt is not a reason to leave. */
    private Pending take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // keep draining
            }
        }
    }

    private Pending poll(long deadline) {
        try {
            return queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }

    /** A hook answer's cards, or (no cards) a marker that flush or stop waits on. */
    private record Pending(IssuedCards issued, Runnable onFailure, CompletableFuture<Void> written, boolean last) {

        static Pending marker(boolean last) {
            return new Pending(null, null, new CompletableFuture<>(), last);
        }

        boolean isMarker() {
            return issued == null;
        }
    }
}
