package org.sarcomacds.record;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes from outside the process that may be held in memory at once, across all calls: a reservation is granted in
 * full or refused at once, never waited for, so a process that is already holding its share answers "busy" quickly
 * instead of running out of heap. Each holder takes a {@link Reservation}, grows it as bytes arrive and closes it when
 * they are no longer held.
 */
public final class ByteBudget {

    private final String name;
    private final long capacity;
    private final AtomicLong used = new AtomicLong();

    /** @param name what the bytes are, for the refusal's message ("FHIR answers") */
    public ByteBudget(String name, long capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    /**
     * The default capacity: a fraction of the maximum heap. A JSON tree takes several times the bytes it was read
     * from, so a sixteenth of the heap in raw bytes is already a good part of it once parsed.
     */
    public static long ofHeap(int divisor) {
        return Runtime.getRuntime().maxMemory() / divisor;
    }

    public Reservation open() {
        return new Reservation();
    }

    public long capacity() {
        return capacity;
    }

    public long used() {
        return used.get();
    }

    private boolean tryReserve(long bytes) {
        long now;
        do {
            now = used.get();
            if (now + bytes > capacity) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    /** The budget was spent: the holder must give up what it was reading. */
    public static final class Exhausted extends RuntimeException {

        Exhausted(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The bytes one holder has; closing it gives them back. Several threads may grow one reservation (the fetches of
     * one hook call); once closed, it grows no more, so a fetch still running after its call ended cannot hold bytes
     * that nobody will give back.
     */
    public final class Reservation implements AutoCloseable {

        private long held;
        private boolean closed;

        /** @throws Exhausted when the budget has no room for {@code bytes} more, or the reservation was closed */
        public synchronized void grow(long bytes) {
            if (closed || !tryReserve(bytes)) {
                throw new Exhausted("the service is holding as many " + name + " as its memory allows ("
                        + (capacity < 1024 * 1024 ? capacity / 1024 + " KB" : capacity / (1024 * 1024) + " MB")
                        + "); try again shortly");
            }
            held += bytes;
        }

        /** Gives back {@code bytes} of what this reservation holds (what a refused answer had taken). */
        public synchronized void giveBack(long bytes) {
            long returned = Math.min(bytes, held);
            used.addAndGet(-returned);
            held -= returned;
        }

        public synchronized long held() {
            return held;
        }

        @Override
        public synchronized void close() {
            used.addAndGet(-held);
            held = 0;
            closed = true;
        }
    }
}
