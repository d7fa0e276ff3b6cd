package org.sarcomacds.bench;

import static org.sarcomacds.bench.Report.count;
import static org.sarcomacds.bench.Report.fmt;
import static org.sarcomacds.bench.Report.ratio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part {@code peer}: our service against a minimal CDS Hooks service on HAPI FHIR's own CDS Hooks module (the
 * project {@code src/bench/hapi-peer}, built here with Maven unless its jar is newer than its sources), on the same
 * realistic patient-view body, in the same sitting. Both servers run with the same JVM options ({@code -Xmx256m}),
 * are warmed, then measured in turn, round by round (peer, ours, peer, ours, …), at 32 connections with the bench's
 * own generator and with {@code wrk}. Before any load, each must answer the body with 200 and its card, and the two
 * discovery documents must ask for the same prefetch. Issue 14's target: at least 4× the peer's throughput.
 *
 * @param report where the part prints
 * @param out    the part's folder: the peer's build log, both servers' logs and GC logs, the wrk script
 * @param quick  shorter warm-ups and measurements, 2 rounds instead of 3
 * @param shape  the call both servers get (the realistic patient-view)
 */
record HapiPeer(Report report, Path out, boolean quick, Shape shape) {

    static final Path PROJECT = Path.of("src", "bench", "hapi-peer");
    private static final Path BUILT_JAR = PROJECT.resolve(Path.of("target", "hapi-peer.jar"));
    private static final int CONNECTIONS = 32;
    private static final String PEER = "HAPI peer";
    private static final String OURS = "Sarcoma CDS";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One measurement of one server with one generator. */
    private record Row(
            String server,
            int round,
            String generator,
            double throughput,
            double p50,
            double p99,
            long errors,
            double cpuPerCall,
            double gcShare,
            String load) {}

    /** How a server answered the body before the load: status, cards, and what they were. */
    private record Answer(int status, int cards, String what) {}

    /**
     * What the targets table reads: ours ÷ peer throughput for each round and generator, the peer's CPU per call ÷
     * ours, and whether the peer answered the body with 200 and its card.
     */
    record Summary(List<Double> ratios, List<Double> cpuRatios, boolean peerAnswered) {

        void targets(Report report) {
            String target = "≥ 4× the throughput of a minimal HAPI CDS Hooks module service (realistic patient-view,"
                    + " same body, same sitting, 32 connections)";
            if (!peerAnswered) {
                report.row(target, "not measured: the peer did not answer the body with 200 and its card", "**no**");
                return;
            }
            long atLeast4 = ratios.stream().filter(r -> r >= 4).count();
            report.row(
                    target,
                    "ours ÷ peer " + ratio(median(ratios)) + " (median; " + range(ratios) + " over " + ratios.size()
                            + " measurements: rounds × own generator and wrk); server CPU per call, peer ÷ ours "
                            + ratio(median(cpuRatios)) + " (" + range(cpuRatios) + ")",
                    atLeast4 == ratios.size()
                            ? "yes"
                            : atLeast4 == 0 ? "**no**" : "**mixed** (" + atLeast4 + " of " + ratios.size() + ")");
        }
    }

    Summary run() throws Exception {
        Files.createDirectories(out);
        Path jar = peerJar();
        String build = build(jar);
        ServerProcess.Launch ours = ServerProcess.Launch.jar(OURS, Bench.JAR);
        ServerProcess.Launch peer = new ServerProcess.Launch(
                PEER,
                ours.java(),
                ours.jvmArgs(),
                List.of("-jar", jar.toAbsolutePath().toString()),
                ServerProcess.Launch.split(System.getProperty("bench.peer.appArgs", "")));
        int rounds = Integer.getInteger("bench.peer.rounds", quick ? 2 : 3);
        Path wrk = Wrk.find();
        String loadBefore = Report.load();
        List<Row> rows = new ArrayList<>();
        List<String> warmUps = new ArrayList<>();
        Answer peerAnswer;
        Answer ourAnswer;
        String prefetch;
        try (ServerProcess peerServer = new ServerProcess(peer, Bench.freePort(), out.resolve("hapi-peer"))) {
            peerServer.awaitReady("/cds-services", 180_000);
            try (ServerProcess ourServer = new ServerProcess(ours, Bench.freePort(), out.resolve("sarcoma-cds"))) {
                ourServer.awaitReady(180_000);
                peerAnswer = answer(peerServer);
                ourAnswer = answer(ourServer);
                prefetch = comparePrefetch(discovery(peerServer), discovery(ourServer));
                warmUps.add(PEER + " " + warmUp(peerServer));
                warmUps.add(OURS + " " + warmUp(ourServer));
                for (int round = 1; round <= rounds; round++) {
                    rows.add(ownGenerator(PEER, round, peerServer));
                    rows.add(ownGenerator(OURS, round, ourServer));
                    if (wrk != null) {
                        rows.add(wrk(PEER, round, peerServer, wrk));
                        rows.add(wrk(OURS, round, ourServer, wrk));
                    }
                }
            }
        }
        boolean peerAnswered = peerAnswer.status() == 200 && peerAnswer.cards() == 1;
        print(build, List.of(peer, ours), rounds, loadBefore, warmUps, prefetch, peerAnswer, ourAnswer, wrk);
        return table(rows, peerAnswered);
    }

    // ---------------------------------------------------------------- the peer's jar

    /** {@code bench.peer.jar} if given, else the peer project's own jar (built below if missing or stale). */
    private static Path peerJar() {
        String given = System.getProperty("bench.peer.jar");
        return given == null ? BUILT_JAR : Path.of(given);
    }

    /** Builds the peer unless it is given or newer than its sources; answers what was done, for the report. */
    private String build(Path jar) throws IOException, InterruptedException {
        if (!jar.equals(BUILT_JAR)) {
            return "given: `" + jar + "` (`bench.peer.jar`)";
        }
        if (Files.exists(jar) && Files.getLastModifiedTime(jar).toMillis() > newestSource()) {
            return "reused: `" + jar + "` is newer than the peer's sources";
        }
        List<String> command =
                List.of("mvn", "-q", "-B", "-f", PROJECT.resolve("pom.xml").toString(), "package", "-DskipTests");
        Path log = out.resolve("hapi-peer-build.log");
        long start = System.nanoTime();
        Process maven = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.exists(jar)) {
            throw new IllegalStateException("building the HAPI peer failed; see " + log);
        }
        return "built by `" + String.join(" ", command) + "` in " + fmt((System.nanoTime() - start) / 1e9) + " s";
    }

    private static long newestSource() throws IOException {
        try (Stream<Path> files = Files.walk(PROJECT.resolve("src"))) {
            long newest = Files.getLastModifiedTime(PROJECT.resolve("pom.xml")).toMillis();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
            }
            return newest;
        }
    }

    // ---------------------------------------------------------------- checks before the load

    private LoadGenerator load(ServerProcess server) {
        return new LoadGenerator(server.port, shape.path(), shape.body());
    }

    /** One call with the body: its status and cards (summaries, or our card codes). */
    private Answer answer(ServerProcess server) throws IOException {
        LoadGenerator.Response response = load(server).once();
        JsonNode cards =
                response.status() == 200 ? JSON.readTree(response.body()).path("cards") : JSON.missingNode();
        List<String> what = new ArrayList<>();
        for (JsonNode card : cards) {
            what.add(card.path("summary").asString(""));
        }
        String codes = Bench.cards(response.body());
        return new Answer(
                response.status(),
                cards.size(),
                response.status() != 200 ? response.body() : codes.equals("none") ? String.join("; ", what) : codes);
    }

    /** The prefetch templates of the service in a server's discovery document, by key. */
    private Map<String, String> discovery(ServerProcess server) throws IOException {
        JsonNode services = JSON.readTree(new LoadGenerator(server.port, "/cds-services", null)
                        .once()
                        .body())
                .path("services");
        Map<String, String> templates = new LinkedHashMap<>();
        for (JsonNode service : services) {
            if (service.path("id").asString("").equals(shape.serviceId())) {
                service.path("prefetch")
                        .properties()
                        .forEach(e -> templates.put(e.getKey(), e.getValue().asString()));
            }
        }
        return templates;
    }

    private static String comparePrefetch(Map<String, String> peer, Map<String, String> ours) {
        if (peer.equals(ours)) {
            return "the same " + ours.size() + " keys with the same queries";
        }
        Set<String> onlyOurs = new TreeSet<>(ours.keySet());
        onlyOurs.removeAll(peer.keySet());
        Set<String> onlyPeer = new TreeSet<>(peer.keySet());
        onlyPeer.removeAll(ours.keySet());
        Set<String> differ = new TreeSet<>();
        ours.forEach((key, query) -> {
            if (peer.containsKey(key) && !peer.get(key).equals(query)) {
                differ.add(key);
            }
        });
        return "**they differ**: keys only in ours " + onlyOurs + ", only in the peer " + onlyPeer
                + ", queries not the same " + differ + " (update the peer's `@CdsService` prefetch)";
    }

    // ---------------------------------------------------------------- load

    /**
     * Load at 32 connections in 5 s steps until a step's throughput is within 10 % of the step before, after at least
     * 30 s (45 s in a full run, as the {@code http} part warms our server) and at most 90 s (150 s): a fixed 10 s
     * warm-up at 8 connections left the peer's first round at a seventh of its second. Answers what it did, for the
     * report.
     */
    private String warmUp(ServerProcess server) throws InterruptedException {
        long least = quick ? 30_000 : 45_000;
        long most = quick ? 90_000 : 150_000;
        LoadGenerator load = load(server);
        long start = System.nanoTime();
        double previous = 0;
        while (true) {
            double last = load.run(CONNECTIONS, 0, 5_000).throughput();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            boolean steady = previous > 0 && Math.abs(last - previous) <= 0.1 * previous;
            if ((steady && elapsed >= least) || elapsed >= most) {
                return fmt(elapsed / 1000.0) + " s, last 5 s " + count(last) + " hooks/s"
                        + (steady ? "" : ", not yet steady");
            }
            previous = last;
        }
    }

    private Row ownGenerator(String name, int round, ServerProcess server) throws InterruptedException {
        LoadGenerator load = load(server);
        load.run(CONNECTIONS, quick ? 1_500 : 3_000, 0); // the other server ran meanwhile
        long gcFrom = server.gcLogLength();
        long cpu = server.cpuMillis();
        long measure = quick ? 4_000 : 10_000;
        LoadGenerator.Result r = load.run(CONNECTIONS, 0, measure);
        double cpuPerCall = (double) (server.cpuMillis() - cpu) / r.requests();
        return new Row(
                name,
                round,
                "own generator",
                r.throughput(),
                r.millis(50),
                r.millis(99),
                r.errors(),
                cpuPerCall,
                server.gcSince(gcFrom).pauseMillis / measure,
                Report.load());
    }

    private Row wrk(String name, int round, ServerProcess server, Path wrk) throws Exception {
        Path script = Wrk.script(out, shape.name(), shape.body());
        Wrk.run(wrk, script, server.port, shape.path(), 2, CONNECTIONS, quick ? 2 : 3);
        long gcFrom = server.gcLogLength();
        long cpu = server.cpuMillis();
        Wrk.Result r = Wrk.run(wrk, script, server.port, shape.path(), 2, CONNECTIONS, quick ? 4 : 10);
        return new Row(
                name,
                round,
                "wrk",
                r.throughput(),
                r.p50(),
                r.p99(),
                r.non2xx() + r.socketErrors(),
                (double) (server.cpuMillis() - cpu) / r.requests(),
                server.gcSince(gcFrom).pauseMillis / (r.seconds() * 1000),
                Report.load());
    }

    // ---------------------------------------------------------------- report

    private void print(
            String build,
            List<ServerProcess.Launch> launches,
            int rounds,
            String loadBefore,
            List<String> warmUps,
            String prefetch,
            Answer peer,
            Answer ours,
            Path wrk) {
        report.line("## Against a minimal HAPI CDS Hooks module service (part `peer`)");
        report.line();
        report.line(
                "The peer (`src/bench/hapi-peer`): one service `lms-patient-view` on HAPI FHIR's own CDS Hooks module"
                        + " (hapi-fhir-server-cds-hooks 8.6.1, Spring Boot defaults), the request bound by the module (every"
                        + " prefetch value parsed into HAPI R4 resources), and a two-check rule (a leiomyosarcoma Condition and"
                        + " doxorubicin in the medication history → one info card). Peer jar " + build
                        + ". Both servers run"
                        + " at once with the same JVM options, are warmed at " + CONNECTIONS
                        + " connections until steady ("
                        + String.join("; ", warmUps) + "), then measured in turn, " + rounds
                        + " round(s) (peer, ours, …),"
                        + " each measurement after its own short warm-up: " + shape.name() + " patient-view ("
                        + String.format(Locale.ROOT, "%,d", shape.body().length) + " bytes, the same bytes to both), "
                        + CONNECTIONS + " connections, the bench's own generator then `wrk`. Load average before: "
                        + loadBefore + ".");
        report.line();
        for (ServerProcess.Launch launch : launches) {
            report.line("- " + launch.name() + ": `" + launch.commandLine() + "`");
        }
        report.line();
        report.line("Prefetch asked for in the two discovery documents: " + prefetch + ".");
        report.line();
        report.line("Answers to the body before the load: HAPI peer " + peer.status() + ", " + peer.cards()
                + " card(s) ("
                + peer.what() + "); Sarcoma CDS " + ours.status() + ", " + ours.cards() + " card(s) (" + ours.what()
                + ").");
        if (peer.status() != 200 || peer.cards() != 1) {
            report.line();
            report.line("**The peer did not answer 200 with its one card: the ratios below are not meaningful.**");
        }
        if (wrk == null) {
            report.line();
            report.line("**`wrk` is not installed**: the own generator's figures only.");
        }
        report.line();
    }

    private Summary table(List<Row> rows, boolean peerAnswered) {
        report.header(
                "Round",
                "Server",
                "Generator",
                "hooks/s",
                "p50 ms",
                "p99 ms",
                "errors",
                "server CPU ms/call",
                "GC pauses, share of the window",
                "load average after (1 / 5 / 15 min)");
        for (Row r : rows) {
            report.row(
                    r.round(),
                    r.server(),
                    r.generator(),
                    count(r.throughput()),
                    fmt(r.p50()),
                    fmt(r.p99()),
                    r.errors(),
                    fmt(r.cpuPerCall()),
                    String.format(Locale.ROOT, "%.1f %%", r.gcShare() * 100),
                    r.load());
        }
        report.line();
        report.header(
                "Round",
                "Generator",
                "Sarcoma CDS hooks/s",
                "HAPI peer hooks/s",
                "ours ÷ peer (throughput)",
                "server CPU ms/call: ours / peer",
                "peer ÷ ours (CPU per call)");
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (Row ours : rows) {
            if (!ours.server().equals(OURS)) {
                continue;
            }
            Row peer = rows.stream()
                    .filter(r -> r.server().equals(PEER)
                            && r.round() == ours.round()
                            && r.generator().equals(ours.generator()))
                    .findFirst()
                    .orElseThrow();
            ratios.add(ours.throughput() / peer.throughput());
            cpuRatios.add(peer.cpuPerCall() / ours.cpuPerCall());
            report.row(
                    ours.round(),
                    ours.generator(),
                    count(ours.throughput()),
                    count(peer.throughput()),
                    ratio(ratios.getLast()),
                    fmt(ours.cpuPerCall()) + " / " + fmt(peer.cpuPerCall()),
                    ratio(cpuRatios.getLast()));
        }
        report.line();
        report.line("Ours ÷ peer, throughput: median " + ratio(median(ratios)) + " (" + range(ratios)
                + "); server CPU per call, peer ÷ ours: median " + ratio(median(cpuRatios)) + " (" + range(cpuRatios)
                + "). Load average now: " + Report.load() + ".");
        report.line();
        return new Summary(ratios, cpuRatios, peerAnswered);
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String range(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? "n/a" : ratio(sorted[0]) + "–" + ratio(sorted[sorted.length - 1]);
    }
}
