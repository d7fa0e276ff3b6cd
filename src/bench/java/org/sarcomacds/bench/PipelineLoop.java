package org.sarcomacds.bench;

import java.util.Set;

/**
 * Runs the in-process pipeline on one chart shape in a loop, for a profiler to watch (see docs/performance.md,
 * "Profiling"). Arguments: seconds to run (default 30), shape (default realistic; see {@link Shape}).
 */
public final class PipelineLoop {

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        Shape shape = Shape.all(Set.of(args.length > 1 ? args[1] : "realistic")).getFirst();
        try (InProcessPipeline pipeline = new InProcessPipeline()) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long calls = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                pipeline.call(shape.serviceId(), shape.body());
                calls++;
            }
            System.out.printf("%d calls, %.3f ms each%n", calls, (System.nanoTime() - start) / 1e6 / calls);
        }
    }
}
