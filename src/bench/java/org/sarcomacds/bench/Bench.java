package org.sarcomacds.bench;

import static org.sarcomacds.bench.Report.count;
import static org.sarcomacds.bench.Report.fmt;
import static org.sarcomacds.bench.Report.ratio;
import static org.sarcomacds.bench.Report.yes;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The one-command benchmark of docs/performance.md ({@code mvn -P bench verify}): every chart shape in process (CPU
 * time and allocation per call against the parse floor; JMH), over HTTP with the bench's own closed-loop generator
 * and with {@code wrk}, the FHIR-fetch path, and start-up; printed as one Markdown report (also written to {@code
 * target/bench/report.md}). Arguments select parts: {@code cpu}, {@code jmh}, {@code http}, {@code startup} (default:
 * these four), {@code peer} (against a minimal HAPI CDS Hooks module service) and {@code jvm} (JVM variants), only when
 * named; {@code quick} shortens phases; {@code shapes=a,b} limits the shapes; {@code bench.x=y} sets an option
 * (docs/performance.md lists them).
 */
public final class Bench {

    static final Path OUT = Path.of("target", "bench");
    static final Path JAR = Path.of("target", "sarcoma-cds.jar");
    private static final int[] CONNECTIONS = {1, 8, 32, 128};
    private static final Pattern CARD_CODE = Pattern.compile("\"code\"\\s*:\\s*\"(LMS-[A-Z0-9-]+)\"");

    private final Report report = new Report();
    private final boolean quick;
    private final List<Shape> shapes;
    /** Per shape: {parse floor µs, floor B, hook µs, hook B} from the in-process CPU-time part of this run. */
    private final Map<String, double[]> inProcess = new LinkedHashMap<>();
    /** Per shape: {parse floor µs/op, hook µs/op} from JMH, if the CPU-time part did not run. */
    private final Map<String, double[]> jmhResults = new LinkedHashMap<>();

    private final Map<String, HttpPhase> http = new LinkedHashMap<>();
    private final Map<String, Wrk.Result> wrk = new LinkedHashMap<>();
    private final Map<String, Double> wrkCpu = new LinkedHashMap<>();
    private double peakRssAfter128 = Double.NaN;
    private double fetchSlowest = Double.NaN;
    private LoadGenerator.Result fetchOne;
    private StartUpRun.Summary startUp;
    private HapiPeer.Summary peer;

    /** One phase of the bench's own generator: what it measured and what the server spent. */
    record HttpPhase(LoadGenerator.Result load, double cpuPerRequest, double gcShare, ServerProcess.GcSummary gc) {}

    private Bench(boolean quick, List<Shape> shapes) {
        this.quick = quick;
        this.shapes = shapes;
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = new HashSet<>();
        Set<String> only = new TreeSet<>();
        for (String arg : args) {
            if (arg.startsWith("shapes=")) {
                only.addAll(List.of(arg.substring(7).split(",")));
            } else if (arg.startsWith("bench.") && arg.contains("=")) {
                // options such as bench.server.jvmArgs=..., given through -Dbench.args like the parts
                System.setProperty(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                parts.add(arg);
            }
        }
        boolean all = parts.stream()
                .noneMatch(p ->
                        Set.of("cpu", "jmh", "http", "startup", "peer", "jvm").contains(p));
        Bench bench = new Bench(parts.contains("quick"), Shape.all(only));
        bench.run(
                all || parts.contains("cpu"),
                all || parts.contains("jmh"),
                all || parts.contains("http"),
                all || parts.contains("startup"),
                parts.contains("peer"),
                parts.contains("jvm"));
    }

    private void run(boolean cpuTime, boolean jmh, boolean httpPart, boolean startUpPart, boolean peerPart, boolean jvm)
            throws Exception {
        Files.createDirectories(OUT);
        for (Shape shape : shapes) {
            Files.write(OUT.resolve("request-" + shape.name() + ".json"), shape.body());
        }
        report.line("# Sarcoma CDS benchmark, " + Instant.now());
        report.line();
        report.line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), load average"
                + " (1 / 5 / 15 min) before the run " + Report.load() + ". Other builds on the machine make wall-clock"
                + " numbers noisy: compare CPU time and allocation per call, and ratios to the floors of the same run."
                + (quick ? " **Quick run** (shorter phases)." : ""));
        report.line();
        shapesTable();
        if (cpuTime) {
            cpuTime();
        }
        if (jmh) {
            jmh();
        }
        if (httpPart) {
            http();
        }
        if (startUpPart) {
            startUp = new StartUpRun(report, OUT, quick, shapeNamed("realistic")).run();
        }
        if (peerPart) {
            peer = new HapiPeer(report, OUT.resolve("peer"), quick, shapeNamed("realistic")).run();
        }
        if (cpuTime || httpPart || startUpPart || peerPart) {
            targets();
        }
        if (jvm) {
            new JvmVariants(report, OUT, quick, shapeNamed("realistic"), Chart.realistic()).run();
        }
        report.save(OUT.resolve("report.md"));
        System.out.println();
        System.out.println("Report written to " + OUT.resolve("report.md"));
    }

    private Shape shapeNamed(String name) {
        return shapes.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseGet(() -> Shape.all(Set.of(name)).getFirst());
    }

    private void shapesTable() {
        report.line("## Chart shapes");
        report.line();
        report.line("Generated deterministically (`Chart`, `Shape`); each request body is saved as"
                + " `target/bench/request-<shape>.json`.");
        report.line();
        report.header(
                "Shape",
                "Service",
                "Conditions",
                "MedicationStatements",
                "MedicationRequests",
                "Medications",
                "Observations",
                "resources in the request",
                "request body",
                "What it stands for");
        for (Shape s : shapes) {
            Chart c = s.chart();
            report.row(
                    s.name(),
                    s.serviceId(),
                    c.count("Condition"),
                    c.count("MedicationStatement"),
                    c.count("MedicationRequest"),
                    c.count("Medication"),
                    c.count("Observation"),
                    s.resources(),
                    String.format(Locale.ROOT, "%,d bytes", s.body().length),
                    s.description());
        }
        report.line();
    }

    // ---------------------------------------------------------------- engine, CPU time

    private void cpuTime() {
        JsonMapper plain = JsonMapper.builder().build();
        report.line("## Engine in process, every shape: CPU time and allocation per call (one thread)");
        report.line();
        report.line("Thread CPU time and allocated bytes (`ThreadMXBean`) over N calls after a warm-up, in one JVM;"
                + " parse floor = Jackson reading the same body into a tree and writing it back. Load average at the"
                + " start: " + Report.load() + ".");
        report.line();
        report.header(
                "Shape",
                "request KB",
                "calls (warm-up + measured, after a first warm-up of every shape)",
                "parse floor µs",
                "parse floor B",
                "hook µs",
                "hook B",
                "× floor (CPU)",
                "× floor (allocation)",
                "cards");
        try (InProcessPipeline pipeline = new InProcessPipeline()) {
            // every shape is warmed before any is measured, so the first one does not pay for the JIT alone
            for (Shape shape : shapes) {
                int warm = calls(shape, quick ? 200 : 600);
                CpuTime.perCall(() -> plain.writeValueAsBytes(plain.readTree(shape.body())), warm, 0);
                CpuTime.perCall(() -> pipeline.call(shape.serviceId(), shape.body()), warm, 0);
            }
            for (Shape shape : shapes) {
                byte[] body = shape.body();
                int warm = calls(shape, quick ? 50 : 200);
                int calls = calls(shape, quick ? 200 : 500);
                String answer = new String(pipeline.call(shape.serviceId(), body), StandardCharsets.UTF_8);
                double[] floor = CpuTime.perCall(() -> plain.writeValueAsBytes(plain.readTree(body)), warm, calls);
                double[] hook = CpuTime.perCall(() -> pipeline.call(shape.serviceId(), body), warm, calls);
                inProcess.put(shape.name(), new double[] {floor[0], floor[1], hook[0], hook[1]});
                report.row(
                        shape.name(),
                        fmt(shape.kilobytes()),
                        warm + " + " + calls,
                        fmt(floor[0]),
                        count(floor[1]),
                        fmt(hook[0]),
                        count(hook[1]),
                        ratio(hook[0] / floor[0]),
                        ratio(hook[1] / floor[1]),
                        cards(answer));
            }
        }
        report.line();
        report.line("Load average at the end: " + Report.load() + ".");
        report.line();
    }

    /** About the same measuring time for every shape: more calls for small bodies, fewer for large ones. */
    private static int calls(Shape shape, int forRealistic) {
        return (int) Math.max(10, forRealistic * Math.max(0.1, Math.min(5, 96.0 / shape.kilobytes())));
    }

    static String cards(String answer) {
        Set<String> codes = new TreeSet<>();
        Matcher m = CARD_CODE.matcher(answer);
        while (m.find()) {
            codes.add(m.group(1).substring(4));
        }
        return codes.isEmpty() ? "none" : String.join(", ", codes);
    }

    // ---------------------------------------------------------------- engine (JMH)

    private void jmh() throws Exception {
        Options options = new OptionsBuilder()
                .include(EngineBenchmark.class.getName())
                .param("shape", shapes.stream().map(Shape::name).toArray(String[]::new))
                .forks(1)
                // long warm-up: on a busy two-core machine a realistic call may take 50 ms of wall time, and the JIT
                // needs some hundreds of calls before the numbers mean anything
                .warmupIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 4)
                .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx1g")
                .build();
        String loadBefore = Report.load();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Map<String, double[]>> byShape = new LinkedHashMap<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            var alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            byShape.computeIfAbsent(r.getParams().getParam("shape"), k -> new LinkedHashMap<>())
                    .put(name, new double[] {
                        r.getPrimaryResult().getScore(),
                        r.getPrimaryResult().getScoreError(),
                        alloc == null ? Double.NaN : alloc.getScore()
                    });
        }
        report.line("## Engine in process, every shape (JMH, average time per call)");
        report.line();
        report.line("Load average before / after: " + loadBefore + " → " + Report.load() + ".");
        report.line();
        report.header("Shape", "parse floor µs/op (±)", "floor B/op", "hook µs/op (±)", "hook B/op", "× floor (time)");
        for (Shape shape : shapes) {
            Map<String, double[]> r = byShape.getOrDefault(shape.name(), Map.of());
            double[] floor = r.getOrDefault("parseFloor", new double[] {Double.NaN, Double.NaN, Double.NaN});
            double[] hook = r.getOrDefault("hook", new double[] {Double.NaN, Double.NaN, Double.NaN});
            jmhResults.put(shape.name(), new double[] {floor[0], hook[0]});
            report.row(
                    shape.name(),
                    fmt(floor[0]) + " (" + fmt(floor[1]) + ")",
                    count(floor[2]),
                    fmt(hook[0]) + " (" + fmt(hook[1]) + ")",
                    count(hook[2]),
                    ratio(hook[0] / floor[0]));
        }
        report.line();
    }

    /** The parse floor of a shape in ms: from the CPU-time part if it ran, else from JMH. */
    private double floorMillis(String shape) {
        double[] cpu = inProcess.get(shape);
        if (cpu != null) {
            return cpu[0] / 1000;
        }
        double[] jmh = jmhResults.get(shape);
        return jmh == null ? Double.NaN : jmh[0] / 1000;
    }

    // ---------------------------------------------------------------- HTTP

    private void http() throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(
                    "target/sarcoma-cds.jar is missing: run mvn -P bench verify (it packages first)");
        }
        int port = freePort();
        ServerProcess.Launch launch = ServerProcess.Launch.jar("jar", JAR);
        Shape realistic = shapeNamed("realistic");
        try (ServerProcess server = new ServerProcess(launch, port, OUT)) {
            server.awaitReady(180_000);
            report.line("## HTTP, prefetch supplied: the bench's closed-loop generator");
            report.line();
            report.line("Server: `" + launch.commandLine() + "` on loopback (plus a GC log), readiness UP before the"
                    + " first call. Load average at the start: " + Report.load() + ".");
            report.line();
            long warm = quick ? 10_000 : 45_000;
            LoadGenerator.Result warmUp = load(port, realistic).run(8, 0, warm);
            long perShape = quick ? 2_000 : 5_000;
            for (Shape shape : shapes) {
                if (shape != realistic) {
                    load(port, shape).run(8, 0, perShape);
                }
            }
            report.line("(JIT warm-up before the phases: " + warmUp.requests() + " realistic calls in " + warm / 1000
                    + " s at 8 connections, then " + perShape / 1000 + " s of each other shape; each phase then has"
                    + " its own warm-up and a " + (quick ? 4 : 10) + " s measurement.)");
            report.line();
            phaseHeader();
            LoadGenerator discovery = new LoadGenerator(port, "/cds-services", null);
            phase(server, "discovery", "discovery (framework floor)", discovery, 1, 2000);
            phase(server, "discovery", "discovery (framework floor)", discovery, 32, 2000);
            for (int c : CONNECTIONS) {
                phase(server, "realistic", "patient-view, realistic", load(port, realistic), c, c == 1 ? 5000 : 3000);
                if (c == 128) {
                    peakRssAfter128 = server.peakRssMb();
                }
            }
            for (Shape shape : shapes) {
                if (shape != realistic) {
                    phase(server, shape.name(), shape.name(), load(port, shape), 32, 3000);
                }
            }
            report.line();
            report.line("Peak RSS of the server (VmHWM) after the 128-connection phase: **" + fmt(peakRssAfter128)
                    + " MB**; whole run's GC so far: " + gcText(server.gcSince(0)) + ". Load average now: "
                    + Report.load() + ".");
            report.line();
            shapesOverHttp();
            wrkPhases(server, port);
            fetchPath(server, port, realistic.chart());
            report.line("Peak RSS of the server (VmHWM) at the end: " + fmt(server.peakRssMb()) + " MB.");
            report.line();
        }
    }

    /** The columns of {@link #phase}'s rows. */
    private void phaseHeader() {
        report.header(
                "Load",
                "Connections",
                "hooks/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "errors",
                "server CPU ms/call",
                "GC pauses (count, total ms, max ms)",
                "heap after GC max MB");
    }

    private static LoadGenerator load(int port, Shape shape) {
        return new LoadGenerator(port, shape.path(), shape.body());
    }

    private HttpPhase phase(
            ServerProcess server, String key, String name, LoadGenerator load, int connections, long warmupMillis)
            throws InterruptedException {
        long measureMillis = quick ? 4000 : 10_000;
        load.run(connections, Math.min(warmupMillis, quick ? 1500 : warmupMillis), 0);
        long gcFrom = server.gcLogLength();
        long cpuBefore = server.cpuMillis();
        LoadGenerator.Result r = load.run(connections, 0, measureMillis);
        long cpu = server.cpuMillis() - cpuBefore;
        ServerProcess.GcSummary gc = server.gcSince(gcFrom);
        double cpuPerRequest = r.requests() == 0 ? Double.NaN : (double) cpu / r.requests();
        report.row(
                name,
                connections,
                count(r.throughput()),
                fmt(r.millis(50)),
                fmt(r.millis(95)),
                fmt(r.millis(99)),
                fmt(r.maxMillis()),
                r.errors(),
                fmt(cpuPerRequest),
                gc.pauses + " (" + fmt(gc.pauseMillis) + ", " + fmt(gc.maxPauseMillis) + ")",
                gc.maxHeapAfterMb);
        HttpPhase phase = new HttpPhase(r, cpuPerRequest, gc.pauseMillis / measureMillis, gc);
        http.put(key + "/" + connections, phase);
        return phase;
    }

    private void shapesOverHttp() {
        HttpPhase discovery = http.get("discovery/32");
        report.line("### Every shape side by side (own generator, 32 connections)");
        report.line();
        report.line("Floors of the same run: discovery (framework floor) "
                + count(discovery.load().throughput())
                + " calls/s at 32 connections, " + fmt(discovery.cpuPerRequest()) + " ms of server CPU per call;"
                + " parse floor per shape from the in-process part above.");
        report.line();
        report.header(
                "Shape",
                "request KB",
                "hooks/s",
                "p50 ms",
                "p99 ms",
                "errors",
                "server CPU ms/call",
                "parse floor ms",
                "server CPU × parse floor",
                "GC pauses, share of the window",
                "allocated per call in process (MB)");
        for (Shape shape : shapes) {
            HttpPhase p = http.get(shape.name() + "/32");
            double[] cpu = inProcess.get(shape.name());
            double floor = floorMillis(shape.name());
            report.row(
                    shape.name(),
                    fmt(shape.kilobytes()),
                    count(p.load().throughput()),
                    fmt(p.load().millis(50)),
                    fmt(p.load().millis(99)),
                    p.load().errors(),
                    fmt(p.cpuPerRequest()),
                    fmt(floor),
                    ratio(p.cpuPerRequest() / floor),
                    String.format(Locale.ROOT, "%.1f %%", p.gcShare() * 100),
                    cpu == null ? "n/a" : fmt(cpu[3] / 1e6));
        }
        report.line();
    }

    private void wrkPhases(ServerProcess server, int port) throws Exception {
        report.line("### The same load from wrk (32 connections, 2 threads)");
        report.line();
        Path wrkBinary = Wrk.find();
        if (wrkBinary == null) {
            report.line("**Skipped: `wrk` is not installed** (Debian: `apt-get install -y wrk`). The bench installs"
                    + " nothing; the figures above are from the bench's own generator.");
            report.line();
            return;
        }
        int seconds = quick ? 4 : 10;
        String example = null;
        report.line("Load average at the start: " + Report.load() + ".");
        report.line();
        report.header(
                "Shape",
                "hooks/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "non-2xx",
                "socket errors",
                "server CPU ms/call",
                "× parse floor",
                "own generator hooks/s (above)");
        for (Shape shape : shapes) {
            Path script = Wrk.script(OUT, shape.name(), shape.body());
            Wrk.run(wrkBinary, script, port, shape.path(), 2, 32, quick ? 2 : 3);
            long cpuBefore = server.cpuMillis();
            Wrk.Result r = Wrk.run(wrkBinary, script, port, shape.path(), 2, 32, seconds);
            double cpu = (double) (server.cpuMillis() - cpuBefore) / r.requests();
            wrk.put(shape.name(), r);
            wrkCpu.put(shape.name(), cpu);
            HttpPhase own = http.get(shape.name() + "/32");
            report.row(
                    shape.name(),
                    count(r.throughput()),
                    fmt(r.p50()),
                    fmt(r.p90()),
                    fmt(r.p99()),
                    fmt(r.max()),
                    r.non2xx(),
                    r.socketErrors(),
                    fmt(cpu),
                    ratio(cpu / floorMillis(shape.name())),
                    own == null ? "n/a" : count(own.load().throughput()));
            if (example == null) {
                example = r.commandLine();
            }
        }
        report.line();
        report.line("Command per shape (after a short run of the same as warm-up): `wrk " + example + "` (the Lua"
                + " script posts the body saved beside it and prints one summary line).");
        report.line();
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
                    HookRequests.templates(Shape.PATIENT_VIEW).entrySet()) {
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
            fetchSlowest = fetchMillis.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            ObjectNode request = HookRequests.patientView(chart, false);
            request.put("fhirServer", ehr.baseUrl());
            LoadGenerator load = new LoadGenerator(port, "/cds-services/lms-patient-view", HookRequests.bytes(request));
            report.line("### FHIR fetch path (no prefetch; a FHIR stub on 127.0.0.1 adds " + delay
                    + " ms to every answer)");
            report.line();
            report.line("Single fetches from the bench client, median of 7: "
                    + fetchMillis.entrySet().stream()
                            .map(e -> e.getKey() + " " + fmt(e.getValue()) + " ms")
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("")
                    + " — slowest **" + fmt(fetchSlowest) + " ms**. Load average: " + Report.load() + ".");
            report.line();
            phaseHeader();
            load.run(8, 0, quick ? 5000 : 15_000);
            fetchOne = phase(server, "fetched", "patient-view, fetched", load, 1, 3000)
                    .load();
            phase(server, "fetched", "patient-view, fetched", load, 8, 2000);
            if (fetchOne.firstBody() == null || !fetchOne.firstBody().contains("LMS-TRABECTEDIN-NEXT-LINE")) {
                report.line();
                report.line("**The fetched call did not produce the expected card:** " + fetchOne.firstBody());
            }
            report.line();
        }
    }

    // ---------------------------------------------------------------- targets

    private void targets() {
        report.line("## Against the targets of issue 14");
        report.line();
        report.line("Load average now: " + Report.load() + ".");
        report.line();
        report.header("Target", "Measured", "Met");
        for (Shape shape : shapes) {
            HttpPhase p = http.get(shape.name() + "/32");
            double floor = floorMillis(shape.name());
            if (p != null) {
                report.row(
                        "server CPU per call ≤ 1× parse floor, " + shape.name(),
                        fmt(p.cpuPerRequest()) + " ms vs " + fmt(floor) + " ms = "
                                + ratio(p.cpuPerRequest() / floor) + " (own generator, 32 connections, all server"
                                + " threads)",
                        yes(p.cpuPerRequest() <= floor));
            } else if (inProcess.containsKey(shape.name())) {
                double[] cpu = inProcess.get(shape.name());
                report.row(
                        "engine CPU per call ≤ 1× parse floor (in process only), " + shape.name(),
                        fmt(cpu[2] / 1000) + " ms vs " + fmt(floor) + " ms = " + ratio(cpu[2] / cpu[0]),
                        yes(cpu[2] <= cpu[0]));
            }
        }
        HttpPhase realistic32 = http.get("realistic/32");
        if (realistic32 != null) {
            double floor = floorMillis("realistic");
            report.row(
                    "≥ 1,000 hooks/s at 32 connections (realistic; on a day the parse floor reads near 1 ms)",
                    count(realistic32.load().throughput()) + " hooks/s (parse floor this run " + fmt(floor) + " ms)"
                            + (wrk.containsKey("realistic")
                                    ? "; wrk " + count(wrk.get("realistic").throughput()) + " hooks/s"
                                    : ""),
                    yes(realistic32.load().throughput() >= 1000));
            report.row(
                    "p99 ≤ 25 ms at 32 connections (realistic)",
                    fmt(realistic32.load().millis(99)) + " ms"
                            + (wrk.containsKey("realistic")
                                    ? "; wrk " + fmt(wrk.get("realistic").p99()) + " ms"
                                    : ""),
                    yes(realistic32.load().millis(99) <= 25));
            long errors =
                    http.values().stream().mapToLong(p -> p.load().errors()).sum()
                            + wrk.values().stream()
                                    .mapToLong(r -> r.non2xx() + r.socketErrors())
                                    .sum();
            report.row("zero errors (every phase, both generators)", errors + " errors", yes(errors == 0));
            report.row(
                    "peak RSS ≤ 400 MB under the 128-connection phase (-Xmx256m)",
                    fmt(peakRssAfter128) + " MB (VmHWM)",
                    yes(peakRssAfter128 <= 400));
        }
        if (fetchOne != null) {
            report.row(
                    "fetch path: p50 ≤ slowest single fetch + 10 ms (1 connection)",
                    fmt(fetchOne.millis(50)) + " ms vs slowest fetch " + fmt(fetchSlowest) + " ms (+"
                            + fmt(fetchOne.millis(50) - fetchSlowest) + " ms)",
                    yes(fetchOne.millis(50) <= fetchSlowest + 10));
        }
        if (startUp != null) {
            startUp.targets(report);
        }
        if (peer != null) {
            peer.targets(report);
        }
        report.line();
    }

    // ---------------------------------------------------------------- helpers

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String gcText(ServerProcess.GcSummary gc) {
        return gc.pauses + " pauses (" + gc.full + " full), " + fmt(gc.pauseMillis) + " ms in total, longest "
                + fmt(gc.maxPauseMillis) + " ms, heap after GC at most " + gc.maxHeapAfterMb + " MB of "
                + gc.committedMb + " MB committed";
    }
}
