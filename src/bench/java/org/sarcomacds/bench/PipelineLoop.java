package org.sarcomacds.bench;

/**
 * Runs the in-process pipeline on the realistic patient-view in a loop, for a profiler to watch (see
 * docs/performance.md, "Profiling"). Argument: seconds to run (default 30).
 */
public final class PipelineLoop {

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 30;
        String service = args.length > 1 ? args[1] : "lms-patient-view";
        Chart chart = Chart.realistic();
        byte[] body = HookRequests.bytes(
                service.equals("lms-patient-view")
                        ? HookRequests.patientView(chart, true)
                        : HookRequests.orderSelect(chart));
        try (InProcessPipeline pipeline = new InProcessPipeline()) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long calls = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                pipeline.call(service, body);
                calls++;
            }
            System.out.printf("%d calls, %.3f ms each%n", calls, (System.nanoTime() - start) / 1e6 / calls);
        }
    }
}
