package org.sarcomacds.bench;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * Thread CPU time and bytes allocated per call, measured on the calling thread. Unlike wall time this hardly moves
 * when other processes compete for the cores, so it is the number to compare across runs on a shared machine.
 */
final class CpuTime {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Per call: {CPU microseconds, allocated bytes}, over {@code calls} calls after {@code warmup} calls. */
    static double[] perCall(Supplier<?> call, int warmup, int calls) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        long id = Thread.currentThread().getId();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long bytes = THREADS.getThreadAllocatedBytes(id);
        for (int i = 0; i < calls; i++) {
            call.get();
        }
        return new double[] {
            (THREADS.getCurrentThreadCpuTime() - cpu) / 1000.0 / calls,
            (double) (THREADS.getThreadAllocatedBytes(id) - bytes) / calls
        };
    }
}
