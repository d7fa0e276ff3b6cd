package org.sarcomacds.record;

/**
 * The fetches of one hook call: their common deadline ({@code System.nanoTime()} based) and the share of the
 * {@link ByteBudget} their answers take. The bytes stay reserved until the call ends (closing this), not only while an
 * answer is read: the resources parsed from them are in memory for the rest of the call.
 */
final class FetchCall implements AutoCloseable {

    private final long deadline;
    private final ByteBudget.Reservation bytes;

    FetchCall(long deadline, ByteBudget.Reservation bytes) {
        this.deadline = deadline;
        this.bytes = bytes;
    }

    long deadline() {
        return deadline;
    }

    ByteBudget.Reservation bytes() {
        return bytes;
    }

    @Override
    public void close() {
        bytes.close();
    }
}
