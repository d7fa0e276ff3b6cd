package org.sarcomacds.bench;

import static org.sarcomacds.bench.Report.count;
import static org.sarcomacds.bench.Report.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JVM choices of issue 14 side by side on the same load (part {@code jvm}): the service on Java 25 with G1 (the
 * default), with virtual threads for Tomcat, generational ZGC, compact object headers and the Serial collector; with
 * the AOT cache when the start-up part has built it; on Java 17, and other builds of the jar, when given. Each variant is started, warmed, then measured at 32 and 128 connections with the
 * realistic prefetch and at 8 connections on the fetch path; variants are interleaved round by round so that a
 * change in the machine's load hits all of them.
 *
 * <p>Optional variants (system properties): {@code bench.jvm.java17} (a Java 17 {@code bin/java}) with {@code
 * bench.jvm.jar17} (the jar built with {@code java.version} 17), which also runs on Java 25 for a same-classfiles
 * comparison; {@code bench.jvm.jar.<name>=<jar>} runs another build of the jar on Java 25 (e.g. one whose FHIR fetch
 * pool uses virtual threads).
 */
final class JvmVariants {

    private final Report report;
    private final Path out;
    private final boolean quick;
    private final Shape shape;
    private final Chart chart;

    private record Row(
            String variant,
            int round,
            double readyMillis,
            double cpuAtReady,
            double throughput32,
            double p50,
            double p99,
            double cpuPerCall32,
            double gcShare32,
            double throughput128,
            double p99at128,
            double peakRss,
            double fetchP50,
            double fetchCpuPerCall,
            long errors) {}

    JvmVariants(Report report, Path out, boolean quick, Shape shape, Chart chart) {
        this.report = report;
        this.out = out;
        this.quick = quick;
        this.shape = shape;
        this.chart = chart;
    }

    void run() throws Exception {
        List<ServerProcess.Launch> variants = variants();
        int rounds = Integer.getInteger("bench.jvm.rounds", quick ? 1 : 2);
        String loadBefore = Report.load();
        List<Row> rows = new ArrayList<>();
        try (FhirStub ehr = new FhirStub(chart, 50)) {
            ObjectNode fetched = HookRequests.patientView(chart, false);
            fetched.put("fhirServer", ehr.baseUrl());
            byte[] fetchBody = HookRequests.bytes(fetched);
            for (int round = 1; round <= rounds; round++) {
                for (ServerProcess.Launch variant : variants) {
                    rows.add(measure(variant, round, fetchBody));
                }
            }
        }
        report.line("## JVM variants (realistic patient-view)");
        report.line();
        report.line(rounds + " round(s), variants interleaved; load average before / after: " + loadBefore + " → "
                + Report.load() + ". Heap -Xmx256m in every variant; fetch path: 8 connections against a FHIR stub"
                + " answering in 50 ms.");
        report.line();
        for (ServerProcess.Launch variant : variants) {
            report.line("- " + variant.name() + ": `" + variant.commandLine() + "` (" + variant.java() + ")");
        }
        report.line();
        report.header(
                "Variant",
                "round",
                "ready ms",
                "CPU at ready ms",
                "hooks/s at 32",
                "p50 / p99 ms at 32",
                "server CPU ms/call at 32",
                "GC pauses, share at 32",
                "hooks/s at 128",
                "p99 ms at 128",
                "peak RSS MB",
                "fetch path p50 ms / CPU ms/call (8 connections)",
                "errors");
        for (Row r : rows) {
            report.row(
                    r.variant(),
                    r.round(),
                    fmt(r.readyMillis()),
                    count(r.cpuAtReady()),
                    count(r.throughput32()),
                    fmt(r.p50()) + " / " + fmt(r.p99()),
                    fmt(r.cpuPerCall32()),
                    String.format(java.util.Locale.ROOT, "%.1f %%", r.gcShare32() * 100),
                    count(r.throughput128()),
                    fmt(r.p99at128()),
                    fmt(r.peakRss()),
                    fmt(r.fetchP50()) + " / " + fmt(r.fetchCpuPerCall()),
                    r.errors());
        }
        report.line();
    }

    private List<ServerProcess.Launch> variants() {
        ServerProcess.Launch base = ServerProcess.Launch.jar("Java 25, G1 (default)", Bench.JAR);
        List<ServerProcess.Launch> variants = new ArrayList<>(List.of(
                base,
                base.named("Java 25, virtual threads for Tomcat")
                        .withAppArgs(List.of("--spring.threads.virtual.enabled=true")),
                base.named("Java 25, generational ZGC").withJvmArgs(List.of("-XX:+UseZGC")),
                base.named("Java 25, compact object headers").withJvmArgs(List.of("-XX:+UseCompactObjectHeaders")),
                base.named("Java 25, Serial GC").withJvmArgs(List.of("-XX:+UseSerialGC"))));
        Path aot = out.resolve("aot");
        if (Files.exists(aot.resolve("app.aot"))) { // built by the start-up part ("startup jvm" runs both)
            variants.add(base.named("Java 25, G1, extracted + AOT cache")
                    .withTarget(List.of(
                            "-jar",
                            aot.resolve("sarcoma-cds.jar").toAbsolutePath().toString()))
                    .withJvmArgs(
                            List.of("-XX:AOTCache=" + aot.resolve("app.aot").toAbsolutePath())));
        }
        String java17 = System.getProperty("bench.jvm.java17");
        String jar17 = System.getProperty("bench.jvm.jar17");
        if (java17 != null && jar17 != null) {
            List<String> target =
                    List.of("-jar", Path.of(jar17).toAbsolutePath().toString());
            variants.add(base.named("Java 17, G1 (jar built for 17)")
                    .withJava(Path.of(java17))
                    .withTarget(target));
            variants.add(base.named("Java 25, G1 (the same jar built for 17)").withTarget(target));
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("bench.jvm.jar."))
                .sorted()
                .forEach(name -> variants.add(base.named("Java 25, G1, jar " + name.substring(14))
                        .withTarget(List.of(
                                "-jar",
                                Path.of(System.getProperty(name))
                                        .toAbsolutePath()
                                        .toString()))));
        return variants;
    }

    private Row measure(ServerProcess.Launch variant, int round, byte[] fetchBody) throws Exception {
        int port = Bench.freePort();
        long measure = quick ? 4_000 : 10_000;
        try (ServerProcess server = new ServerProcess(variant, port, out.resolve("jvm"))) {
            long ready = server.awaitReady(180_000);
            long cpuAtReady = server.cpuMillis();
            LoadGenerator hook = new LoadGenerator(port, shape.path(), shape.body());
            hook.run(8, 0, quick ? 8_000 : 25_000);
            hook.run(32, 0, quick ? 1_500 : 3_000);
            long gcFrom = server.gcLogLength();
            long cpu = server.cpuMillis();
            LoadGenerator.Result at32 = hook.run(32, 0, measure);
            double cpu32 = (double) (server.cpuMillis() - cpu) / at32.requests();
            double gc32 = server.gcSince(gcFrom).pauseMillis / measure;
            hook.run(128, 0, quick ? 1_500 : 3_000);
            LoadGenerator.Result at128 = hook.run(128, 0, measure);
            double rss = server.peakRssMb();
            LoadGenerator fetch = new LoadGenerator(port, shape.path(), fetchBody);
            fetch.run(8, 0, quick ? 3_000 : 8_000);
            cpu = server.cpuMillis();
            LoadGenerator.Result fetched = fetch.run(8, 0, measure);
            double fetchCpu = (double) (server.cpuMillis() - cpu) / fetched.requests();
            return new Row(
                    variant.name(),
                    round,
                    (ready - server.spawnedNanos) / 1e6,
                    cpuAtReady,
                    at32.throughput(),
                    at32.millis(50),
                    at32.millis(99),
                    cpu32,
                    gc32,
                    at128.throughput(),
                    at128.millis(99),
                    rss,
                    fetched.millis(50),
                    fetchCpu,
                    at32.errors() + at128.errors() + fetched.errors());
        }
    }
}
