package org.sarcomacds.bench;

import static org.sarcomacds.bench.Report.fmt;
import static org.sarcomacds.bench.Report.ratio;
import static org.sarcomacds.bench.Report.yes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as an operator meets it, in each way the service can be launched: the executable jar as the README runs
 * it, the same jar extracted, and extracted with the AOT cache that {@code deploy/aot-cache.sh} builds (the Dockerfile
 * does the same). Per start: process spawn → readiness UP (polled every 10 ms), the process's CPU time by thread at
 * that moment, then the first 50 hook calls (realistic patient-view, a new connection each, one after another) against
 * the warm latency of the same kind of call on the same server after some load.
 */
final class StartUpRun {

    static final Path AOT_SCRIPT = Path.of("deploy", "aot-cache.sh");

    private final Report report;
    private final Path out;
    private final boolean quick;
    private final Shape shape;

    /** One start: when it was ready and how the calls after it compared with warm calls. */
    record Start(
            String launch,
            double readyMillis,
            double startedMillis,
            Map<String, Long> cpuAtReady,
            double[] first50,
            double warmNewConnectionP50,
            double warmKeepAliveP50,
            double first50HttpCpu,
            double first50JitCpu,
            double warmHttpCpu) {

        double median() {
            return first50[first50.length / 2];
        }

        double max() {
            return first50[first50.length - 1];
        }
    }

    /** The start-up figures the targets table reads: the launch with the AOT cache, median over rounds. */
    record Summary(String launch, double readyMillis, double firstMax, double warmP50) {

        void targets(Report report) {
            report.row(
                    "ready ≤ 5 s after the process starts (" + launch + ")",
                    fmt(readyMillis) + " ms (median of the rounds)",
                    yes(readyMillis <= 5000));
            report.row(
                    "first 50 calls after readiness within 2× the warm p50 (" + launch + ")",
                    "slowest of the first 50: " + fmt(firstMax) + " ms = " + ratio(firstMax / warmP50) + " of "
                            + fmt(warmP50) + " ms (new connection per call, both)",
                    yes(firstMax <= 2 * warmP50));
        }
    }

    StartUpRun(Report report, Path out, boolean quick, Shape shape) {
        this.report = report;
        this.out = out;
        this.quick = quick;
        this.shape = shape;
    }

    Summary run() throws Exception {
        Path aot = out.resolve("aot");
        String loadBefore = Report.load();
        long trainingMillis = train(aot);
        List<ServerProcess.Launch> launches = launches(aot);
        int rounds = Integer.getInteger("bench.startup.rounds", quick ? 1 : 3);
        List<Start> starts = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (ServerProcess.Launch launch : launches) {
                starts.add(start(launch));
            }
        }
        report.line("## Start-up");
        report.line();
        report.line("Each launch " + rounds + " time(s), interleaved; load average before / after: " + loadBefore
                + " → " + Report.load() + ". The AOT cache was built by `sh " + AOT_SCRIPT + "` in "
                + fmt(trainingMillis / 1000.0) + " s. Launches:");
        report.line();
        for (ServerProcess.Launch launch : launches) {
            report.line("- " + launch.name() + ": `" + launch.commandLine() + "`");
        }
        report.line();
        report.header(
                "Launch",
                "ready ms",
                "\"Started\" logged ms",
                "CPU at ready ms (main / JIT / GC / other)",
                "first 50 calls: median / max ms",
                "warm p50 ms: new connection / keep-alive",
                "slowest of the first 50 × warm p50",
                "Tomcat threads' CPU ms per call: first 50 / warm (JIT CPU ms per call during the first 50)");
        for (Start s : starts) {
            Map<String, Long> cpu = s.cpuAtReady();
            report.row(
                    s.launch(),
                    fmt(s.readyMillis()),
                    fmt(s.startedMillis()),
                    cpu.values().stream().mapToLong(Long::longValue).sum() + " (" + cpu.get("main") + " / "
                            + cpu.get("jit") + " / " + cpu.get("gc") + " / " + (cpu.get("other") + cpu.get("http"))
                            + ")",
                    fmt(s.median()) + " / " + fmt(s.max()),
                    fmt(s.warmNewConnectionP50()) + " / " + fmt(s.warmKeepAliveP50()),
                    ratio(s.max() / s.warmNewConnectionP50()),
                    fmt(s.first50HttpCpu()) + " / " + fmt(s.warmHttpCpu()) + " (" + fmt(s.first50JitCpu()) + ")");
        }
        report.line();
        String operator = launches.getLast().name();
        List<Start> cached =
                starts.stream().filter(s -> s.launch().equals(operator)).toList();
        return new Summary(
                operator,
                median(cached.stream().mapToDouble(Start::readyMillis).toArray()),
                median(cached.stream().mapToDouble(Start::max).toArray()),
                median(cached.stream().mapToDouble(Start::warmNewConnectionP50).toArray()));
    }

    /**
     * The jar, the jar extracted, and the extracted jar with the AOT cache; {@code
     * bench.startup.aotArgs=--a=1;--b=2} adds the cached launch once per application argument (a warm-up budget,
     * say), to compare them.
     */
    private List<ServerProcess.Launch> launches(Path aot) {
        ServerProcess.Launch jar = ServerProcess.Launch.jar("jar", Bench.JAR);
        String extracted = aot.resolve("sarcoma-cds.jar").toAbsolutePath().toString();
        ServerProcess.Launch plain = jar.named("extracted").withTarget(List.of("-jar", extracted));
        ServerProcess.Launch cached = plain.named("extracted + AOT cache")
                .withJvmArgs(List.of("-XX:AOTCache=" + aot.resolve("app.aot").toAbsolutePath()));
        // as deploy/aot-cache.sh says to run it
        ServerProcess.Launch documented = cached.named("extracted + AOT cache, warm-up 1 s (documented)")
                .withAppArgs(List.of("--cds.warm-up.max-time=1s"));
        List<ServerProcess.Launch> launches = new ArrayList<>(List.of(jar, plain));
        String variants = System.getProperty("bench.startup.aotArgs", "");
        for (String arg : ServerProcess.Launch.split(variants)) {
            launches.add(cached.named("extracted + AOT cache, " + arg).withAppArgs(List.of(arg)));
        }
        launches.add(documented);
        return launches;
    }

    /** Runs deploy/aot-cache.sh with the java of the bench; answers how long it took. */
    private long train(Path aot) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("sh", AOT_SCRIPT.toString(), Bench.JAR.toString(), aot.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("aot-training.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process training = builder.start();
        if (!training.waitFor(10, TimeUnit.MINUTES) || training.exitValue() != 0) {
            throw new IllegalStateException("the AOT training run failed; see target/bench/aot-training.log");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Start start(ServerProcess.Launch launch) throws Exception {
        int port = Bench.freePort();
        try (ServerProcess server = new ServerProcess(launch, port, out.resolve("startup"))) {
            long ready = server.awaitReady(180_000);
            Map<String, Long> cpu = server.cpuMillisByThreadGroup();
            LoadGenerator hook = new LoadGenerator(port, shape.path(), shape.body());
            double[] first = newConnectionCalls(hook, 50);
            Map<String, Long> afterFirst = server.cpuMillisByThreadGroup();
            long startedNanos = server.startedLineNanos;
            hook.run(8, 0, quick ? 8_000 : 20_000);
            Map<String, Long> beforeWarm = server.cpuMillisByThreadGroup();
            double warmNew = newConnectionCalls(hook, 200)[100];
            Map<String, Long> afterWarm = server.cpuMillisByThreadGroup();
            LoadGenerator.Result keepAlive = hook.run(1, 0, 3_000);
            if (!hook.once().body().contains("\"cards\"")) {
                throw new IllegalStateException("the start-up probe's call was not answered with cards");
            }
            return new Start(
                    launch.name(),
                    (ready - server.spawnedNanos) / 1e6,
                    startedNanos == 0 ? Double.NaN : (startedNanos - server.spawnedNanos) / 1e6,
                    cpu,
                    first,
                    warmNew,
                    keepAlive.millis(50),
                    (afterFirst.get("http") - cpu.get("http")) / 50.0,
                    (afterFirst.get("jit") - cpu.get("jit")) / 50.0,
                    (afterWarm.get("http") - beforeWarm.get("http")) / 200.0);
        }
    }

    /** Latencies of {@code count} calls, each on a new connection, sorted. */
    private static double[] newConnectionCalls(LoadGenerator hook, int count) throws IOException {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            LoadGenerator.Response response = hook.once();
            millis[i] = (System.nanoTime() - sent) / 1e6;
            if (response.status() != 200) {
                throw new IllegalStateException(
                        "a start-up call answered " + response.status() + ": " + response.body());
            }
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
