package org.sarcomacds.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.sarcomacds.record.PrefetchTemplates;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one-command benchmark of docs/performance.md ({@code mvn -P bench verify}): engine (JMH), HTTP load with
 * prefetch, the FHIR-fetch path, floors and start-up, printed as one Markdown report (also written to
 * {@code target/bench/report.md}). Arguments select parts: {@code cpu}, {@code jmh}, {@code http} (default: all); {@code quick} shortens phases.
 */
public final class Bench {

    private static final Path OUT = Path.of("target", "bench");
    private static final int[] CONNECTIONS = {1, 8, 32, 128};

    private final StringBuilder report = new StringBuilder();
    private final boolean quick;
    private final Map<String, double[]> engine = new LinkedHashMap<>();

    private Bench(boolean quick) {
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = Set.of(args);
        boolean all = !parts.contains("cpu") && !parts.contains("jmh") && !parts.contains("http");
        Bench bench = new Bench(parts.contains("quick"));
        bench.run(all || parts.contains("cpu"), all || parts.contains("jmh"), all || parts.contains("http"));
    }

    private void run(boolean cpuTime, boolean jmh, boolean http) throws Exception {
        Files.createDirectories(OUT);
        Chart realistic = Chart.realistic();
        Chart small = Chart.small();
        byte[] realisticBody = HookRequests.bytes(HookRequests.patientView(realistic, true));
        byte[] smallBody = HookRequests.bytes(HookRequests.patientView(small, true));
        Files.write(OUT.resolve("patient-view-realistic.json"), realisticBody);
        Files.write(OUT.resolve("patient-view-small.json"), smallBody);

        line("# Sarcoma CDS benchmark, " + Instant.now());
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version")
                + ", load average before the run " + loadAverage() + " (other builds on the machine make numbers noisy;"
                + " compare ratios to the floors of the same run).");
        line("");
        line(
                "| Patient | Conditions | MedicationStatements | MedicationRequests | Medications | Observations | request body |");
        line("|---|---|---|---|---|---|---|");
        for (Object[] p : new Object[][] {{"realistic", realistic, realisticBody}, {"small", small, smallBody}}) {
            Chart c = (Chart) p[1];
            line(String.format(
                    Locale.ROOT,
                    "| %s (chart) | %d | %d | %d | %d | %d | %,d bytes with prefetch from the templates |",
                    p[0],
                    c.count("Condition"),
                    c.count("MedicationStatement"),
                    c.count("MedicationRequest"),
                    c.count("Medication"),
                    c.count("Observation"),
                    ((byte[]) p[2]).length));
        }
        line("");
        if (cpuTime) {
            cpuTime(realisticBody, smallBody);
        }
        if (jmh) {
            engine();
        }
        if (http) {
            http(realistic, realisticBody, smallBody);
        }
        Files.writeString(OUT.resolve("report.md"), report);
        System.out.println();
        System.out.println("Report written to " + OUT.resolve("report.md"));
    }

    // ---------------------------------------------------------------- engine, CPU time

    private void cpuTime(byte[] realisticBody, byte[] smallBody) {
        JsonMapper plain = JsonMapper.builder().build();
        line("## Engine, CPU time per call (in process, one thread; thread CPU time is robust to other load)");
        line("");
        line("| Call | Patient | CPU µs/call | allocated B/call | × parse floor (CPU) |");
        line("|---|---|---|---|---|");
        try (InProcessPipeline pipeline = new InProcessPipeline()) {
            for (Object[] p : new Object[][] {{"realistic", realisticBody}, {"small", smallBody}}) {
                byte[] body = (byte[]) p[1];
                int warm = quick ? 200 : 600;
                int calls = quick ? 200 : 500;
                if (p[0].equals("small")) {
                    warm *= 5;
                    calls *= 5;
                }
                String answer =
                        new String(pipeline.call("lms-patient-view", body), java.nio.charset.StandardCharsets.UTF_8);
                java.util.Set<String> rules = new java.util.TreeSet<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"(LMS-[A-Z0-9-]+)\"")
                        .matcher(answer);
                while (m.find()) {
                    rules.add(m.group(1));
                }
                firedRules.put((String) p[0], rules);
                double[] floor = CpuTime.perCall(() -> plain.writeValueAsBytes(plain.readTree(body)), warm, calls);
                double[] hook = CpuTime.perCall(() -> pipeline.call("lms-patient-view", body), warm, calls);
                cpu.put("parseFloor/" + p[0], floor);
                cpu.put("patientView/" + p[0], hook);
                line(String.format(
                        Locale.ROOT,
                        "| parse floor (Jackson read + write) | %s | %s | %,.0f | 1.0× |",
                        p[0],
                        fmt(floor[0]),
                        floor[1]));
                line(String.format(
                        Locale.ROOT,
                        "| patient-view | %s | %s | %,.0f | %.1f× |",
                        p[0],
                        fmt(hook[0]),
                        hook[1],
                        hook[0] / floor[0]));
            }
        }
        line("");
        firedRules.forEach((patient, rules) -> line("Cards on the " + patient + " patient-view: " + rules));
        line("");
    }

    private final Map<String, double[]> cpu = new LinkedHashMap<>();
    private final Map<String, java.util.Set<String>> firedRules = new LinkedHashMap<>();

    // ---------------------------------------------------------------- engine (JMH)

    private void engine() throws Exception {
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName())
                .forks(1)
                // long warm-up: on a busy two-core machine a realistic call may take 50 ms of wall time, and the JIT
                // needs some hundreds of calls before the numbers mean anything
                .warmupIterations(quick ? 2 : 6)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 4)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        line("## Engine (JMH, in process: request JSON → record → facts → rules → cards → response JSON)");
        line("");
        line("| Benchmark | Patient | µs/op | ± | allocated B/op | × parse floor |");
        line("|---|---|---|---|---|---|");
        Map<String, Double> floors = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (RunResult r : results) {
            String name = r.getParams()
                    .getBenchmark()
                    .substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            String patient = r.getParams().getParam("patient");
            double score = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            var alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytes = alloc == null ? Double.NaN : alloc.getScore();
            if (name.equals("parseFloor")) {
                floors.put(patient, score);
            }
            engine.put(name + "/" + patient, new double[] {score, bytes});
            rows.add(new String[] {name, patient, fmt(score), fmt(error), String.format(Locale.ROOT, "%,.0f", bytes)});
        }
        for (String[] row : rows) {
            double floor = floors.getOrDefault(row[1], Double.NaN);
            double score = engine.get(row[0] + "/" + row[1])[0];
            line("| " + String.join(" | ", row) + " | " + String.format(Locale.ROOT, "%.1f×", score / floor) + " |");
        }
        line("");
    }

    // ---------------------------------------------------------------- HTTP

    private void http(Chart realistic, byte[] realisticBody, byte[] smallBody) throws Exception {
        Path jar = Path.of("target", "sarcoma-cds.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    "target/sarcoma-cds.jar is missing: run mvn -P bench verify (it packages first)");
        }
        int port = freePort();
        String hookPath = "/cds-services/lms-patient-view";
        LoadGenerator realisticLoad = new LoadGenerator(port, hookPath, realisticBody);
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx256m"));
        String extra = System.getProperty("bench.server.jvmArgs", "");
        if (!extra.isBlank()) {
            jvmArgs.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording of the server
        }
        try (ServerProcess server = new ServerProcess(jar, port, OUT, jvmArgs)) {
            startUp(server, realisticLoad);

            line(
                    "## HTTP, prefetch supplied (server: `java -Xmx256m -jar target/sarcoma-cds.jar`, closed loop on loopback)");
            line("");
            long warm = quick ? 10_000 : 45_000;
            LoadGenerator.Result warmUp = realisticLoad.run(8, 0, warm);
            line("(JIT warm-up before the phases: " + warmUp.requests() + " realistic calls in " + warm / 1000
                    + " s at 8 connections;" + " each phase then has its own warm-up and a " + (quick ? 4 : 10)
                    + " s measurement.)");
            line("");
            line(
                    "| Load | Connections | hooks/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/req | GC pauses (total ms, max ms) | heap after GC max MB |");
            line("|---|---|---|---|---|---|---|---|---|---|---|");
            LoadGenerator discovery = new LoadGenerator(port, "/cds-services", null);
            Map<String, LoadGenerator.Result> results = new LinkedHashMap<>();
            results.put("discovery/1", phase(server, "discovery (framework floor)", discovery, 1, 2000));
            results.put("discovery/32", phase(server, "discovery (framework floor)", discovery, 32, 2000));
            for (int c : CONNECTIONS) {
                results.put(
                        "realistic/" + c,
                        phase(server, "patient-view, realistic", realisticLoad, c, c == 1 ? 5000 : 3000));
            }
            results.put(
                    "small/32",
                    phase(server, "patient-view, small", new LoadGenerator(port, hookPath, smallBody), 32, 3000));
            line("");
            line("Peak RSS of the server (VmHWM): **" + fmt(server.peakRssMb()) + " MB**; whole run's GC: "
                    + gcText(server.gcSince(0)) + " (log: target/bench/gc.log).");
            line("");
            ratios(results);
            fetchPath(server, port, realistic);
        }
    }

    private void startUp(ServerProcess server, LoadGenerator hook) throws Exception {
        long firstAnswered = -1;
        double firstLatency = -1;
        int refused = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            long sent = System.nanoTime();
            try {
                LoadGenerator.Response response = hook.once();
                long answered = System.nanoTime();
                if (response.status() != 200) {
                    throw new IllegalStateException(
                            "first hook call answered " + response.status() + ": " + response.body());
                }
                firstAnswered = answered;
                firstLatency = (answered - sent) / 1e6;
                break;
            } catch (IOException e) {
                refused++;
                Thread.sleep(5);
            }
        }
        if (firstAnswered < 0) {
            throw new IllegalStateException("the server did not answer within 60 s; see target/bench/server.log");
        }
        List<Double> next = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long sent = System.nanoTime();
            hook.once();
            next.add((System.nanoTime() - sent) / 1e6);
        }
        Thread.sleep(200);
        double spawnToStarted =
                server.startedLineNanos == 0 ? Double.NaN : (server.startedLineNanos - server.spawnedNanos) / 1e6;
        line("## Start-up");
        line("");
        line("| What | ms |");
        line("|---|---|");
        line("| process spawn → \"Started\" logged ("
                + (server.startedLine == null ? "not seen" : server.startedLine.replace("|", "/")) + ") | "
                + fmt(spawnToStarted) + " |");
        line("| process spawn → first hook answered (realistic patient-view) | "
                + fmt((firstAnswered - server.spawnedNanos) / 1e6) + " |");
        line("| \"Started\" logged → first hook answered | " + fmt((firstAnswered - server.startedLineNanos) / 1e6)
                + " |");
        line("| latency of the first hook call (new connection) | " + fmt(firstLatency) + " |");
        double[] sorted =
                next.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        line("| next 50 calls (new connection each): median / max | " + fmt(sorted[sorted.length / 2]) + " / "
                + fmt(sorted[sorted.length - 1]) + " |");
        line("");
        startUpFirst = firstLatency;
        startUpAfterStarted = (firstAnswered - server.startedLineNanos) / 1e6;
        startUpNextMax = sorted[sorted.length - 1];
        startUpNextMedian = sorted[sorted.length / 2];
    }

    private double startUpFirst;
    private double startUpAfterStarted;
    private double startUpNextMax;
    private double startUpNextMedian;

    private LoadGenerator.Result phase(
            ServerProcess server, String name, LoadGenerator load, int connections, long warmupMillis)
            throws InterruptedException {
        long measureMillis = quick ? 4000 : 10_000;
        load.run(connections, Math.min(warmupMillis, quick ? 1500 : warmupMillis), 0);
        long gcFrom = server.gcLogLength();
        long cpuBefore = server.cpuMillis();
        LoadGenerator.Result r = load.run(connections, 0, measureMillis);
        long cpu = server.cpuMillis() - cpuBefore;
        ServerProcess.GcSummary gc = server.gcSince(gcFrom);
        double cpuPerRequest = r.requests() == 0 ? Double.NaN : (double) cpu / r.requests();
        line(String.format(
                Locale.ROOT,
                "| %s | %d | %,.0f | %s | %s | %s | %s | %d | %s | %d (%s, %s) | %d |",
                name,
                connections,
                r.throughput(),
                fmt(r.millis(50)),
                fmt(r.millis(95)),
                fmt(r.millis(99)),
                fmt(r.maxMillis()),
                r.errors(),
                fmt(cpuPerRequest),
                gc.pauses,
                fmt(gc.pauseMillis),
                fmt(gc.maxPauseMillis),
                gc.maxHeapAfterMb));
        cpuPerRequestByPhase.put(name + "/" + connections, cpuPerRequest);
        gcShareByPhase.put(name + "/" + connections, gc.pauseMillis / measureMillis);
        return r;
    }

    private final Map<String, Double> cpuPerRequestByPhase = new LinkedHashMap<>();
    private final Map<String, Double> gcShareByPhase = new LinkedHashMap<>();

    private void ratios(Map<String, LoadGenerator.Result> results) {
        LoadGenerator.Result hook32 = results.get("realistic/32");
        LoadGenerator.Result hook1 = results.get("realistic/1");
        LoadGenerator.Result discovery32 = results.get("discovery/32");
        LoadGenerator.Result discovery1 = results.get("discovery/1");
        double serverCpu = cpuPerRequestByPhase.get("patient-view, realistic/32");
        double[] floor = cpu.getOrDefault("parseFloor/realistic", engine.get("parseFloor/realistic"));
        double[] engineView = cpu.getOrDefault("patientView/realistic", engine.get("patientView/realistic"));
        line("## Against the targets (realistic patient)");
        line("");
        line("| Target | Measured | Met |");
        line("|---|---|---|");
        target(
                "≥ 600 hooks/s at 32 connections",
                String.format(Locale.ROOT, "%,.0f hooks/s", hook32.throughput()),
                hook32.throughput() >= 600);
        target("p99 ≤ 50 ms at 32 connections", fmt(hook32.millis(99)) + " ms", hook32.millis(99) <= 50);
        long errors = results.values().stream()
                .mapToLong(LoadGenerator.Result::errors)
                .sum();
        target("zero errors (all phases)", errors + " errors", errors == 0);
        if (floor != null) {
            double floorMs = floor[0] / 1000;
            target(
                    "server CPU per request ≤ 4× parse floor (" + fmt(floorMs) + " ms)",
                    fmt(serverCpu) + " ms = " + String.format(Locale.ROOT, "%.1f×", serverCpu / floorMs)
                            + " (HTTP, all threads incl. GC and logging)",
                    serverCpu / floorMs <= 4);
            target(
                    "engine CPU ≤ 4× parse floor (in process)",
                    fmt(engineView[0] / 1000) + " ms = "
                            + String.format(Locale.ROOT, "%.1f×", engineView[0] / floor[0]),
                    engineView[0] / floor[0] <= 4);
        }
        double gcShare = gcShareByPhase.get("patient-view, realistic/128");
        target(
                "heap ≤ 256 MB, no GC thrash (-Xmx256m, 128 connections)",
                String.format(Locale.ROOT, "%.1f%% of wall time in GC pauses", gcShare * 100),
                gcShare < 0.05);
        double warmP50 = hook1.millis(50);
        target(
                "first hook answered ≤ 2 s after \"Started\" is logged",
                fmt(startUpAfterStarted) + " ms (its own latency " + fmt(startUpFirst) + " ms)",
                startUpAfterStarted <= 2000);
        target(
                "no call after the first slower than 5× warm p50",
                "max of the next 50: " + fmt(startUpNextMax) + " ms = "
                        + String.format(Locale.ROOT, "%.1f×", startUpNextMax / warmP50),
                startUpNextMax <= 5 * warmP50);
        line("");
        line(String.format(
                Locale.ROOT,
                "Ratios to the framework floor (discovery, same server, same run): throughput at 32 connections"
                        + " %.3f× of discovery's %,.0f/s; p50 at 1 connection %.1f× discovery's %s ms.",
                hook32.throughput() / discovery32.throughput(),
                discovery32.throughput(),
                hook1.millis(50) / discovery1.millis(50),
                fmt(discovery1.millis(50))));
        line("");
    }

    private void target(String what, String measured, boolean met) {
        line("| " + what + " | " + measured + " | " + (met ? "yes" : "**no**") + " |");
    }

    // ---------------------------------------------------------------- FHIR fetch path

    private void fetchPath(ServerProcess server, int port, Chart chart) throws Exception {
        long delay = 50;
        try (FhirStub ehr = new FhirStub(chart, delay)) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Map<String, String> tokens = Map.of(
                    "context.patientId",
                    chart.patientId,
                    "context.userId",
                    HookRequests.PRACTITIONER,
                    "userPractitionerId",
                    "pract-onc-1002");
            Map<String, Double> fetchMillis = new LinkedHashMap<>();
            for (Map.Entry<String, String> t :
                    HookRequests.templates("lms-patient-view").entrySet()) {
                String query = PrefetchTemplates.render(t.getValue(), tokens).orElseThrow();
                double[] samples = new double[7];
                for (int i = 0; i < samples.length; i++) {
                    long start = System.nanoTime();
                    client.send(
                            HttpRequest.newBuilder(URI.create(ehr.baseUrl() + "/" + query.replace("|", "%7C")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    samples[i] = (System.nanoTime() - start) / 1e6;
                }
                Arrays.sort(samples);
                fetchMillis.put(t.getKey(), samples[samples.length / 2]);
            }
            double slowest = fetchMillis.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            ObjectNode request = HookRequests.patientView(chart, false);
            request.put("fhirServer", ehr.baseUrl());
            LoadGenerator load = new LoadGenerator(port, "/cds-services/lms-patient-view", HookRequests.bytes(request));
            line("## HTTP, FHIR fetch (no prefetch; a FHIR stub on 127.0.0.1 adds " + delay + " ms to every answer)");
            line("");
            line("Single fetches from the bench client, median of 7: "
                    + fetchMillis.entrySet().stream()
                            .map(e -> e.getKey() + " " + fmt(e.getValue()) + " ms")
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                    + " — slowest **" + fmt(slowest) + " ms**.");
            line("");
            line(
                    "| Load | Connections | hooks/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/req | GC pauses (total ms, max ms) | heap after GC max MB |");
            line("|---|---|---|---|---|---|---|---|---|---|---|");
            load.run(8, 0, quick ? 5000 : 15_000);
            LoadGenerator.Result one = phase(server, "patient-view, fetched", load, 1, 3000);
            LoadGenerator.Result eight = phase(server, "patient-view, fetched", load, 8, 2000);
            if (one.firstBody() == null || !one.firstBody().contains("LMS-TRABECTEDIN-NEXT-LINE")) {
                line("");
                line("**The fetched call did not produce the expected card:** " + one.firstBody());
            }
            line("");
            line("| Target | Measured | Met |");
            line("|---|---|---|");
            target(
                    "fetch path p50 ≤ slowest fetch + 15 ms (" + fmt(slowest + 15) + " ms)",
                    fmt(one.millis(50)) + " ms (overhead "
                            + fmt(one.millis(50) - slowest) + " ms; p99 " + fmt(one.millis(99))
                            + " ms; at 8 connections p50 "
                            + fmt(eight.millis(50)) + " ms)",
                    one.millis(50) <= slowest + 15);
            line("");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String gcText(ServerProcess.GcSummary gc) {
        return gc.pauses + " pauses (" + gc.full + " full), " + fmt(gc.pauseMillis) + " ms in total, longest "
                + fmt(gc.maxPauseMillis) + " ms, heap after GC at most " + gc.maxHeapAfterMb + " MB of "
                + gc.committedMb + " MB committed";
    }

    private static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
