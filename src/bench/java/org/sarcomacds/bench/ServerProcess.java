package org.sarcomacds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as a separate process, started the way an operator starts it, with a GC log; reads its readiness, peak
 * RSS and CPU time (per thread group) from {@code /proc}. It runs in {@code target/bench/work}, so its H2 file lands
 * there and not in the project; its log and GC log go to the directory given.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern GC_PAUSE = Pattern.compile(
            "Pause (Young|Full|Remark|Cleanup|Mark Start|Mark End|Relocate Start)[^\\n]*? (?:(\\d+)M->(\\d+)M\\((\\d+)M\\) )?([\\d.]+)ms");

    /**
     * How a server process is started.
     *
     * @param name    what the table calls it
     * @param java    the java launcher
     * @param jvmArgs JVM options (heap, GC, AOT cache)
     * @param target  what to run: {@code -jar <jar>}
     * @param appArgs application arguments ({@code --name=value})
     */
    record Launch(String name, Path java, List<String> jvmArgs, List<String> target, List<String> appArgs) {

        /**
         * {@code java -Xmx256m -jar <jar>}, on the java running the bench, evaluating records as of the day the
         * charts are generated for, plus the options of bench.server.*.
         */
        static Launch jar(String name, Path jar) {
            return new Launch(
                            name,
                            Path.of(System.getProperty("java.home"), "bin", "java"),
                            List.of("-Xmx256m"),
                            List.of("-jar", jar.toAbsolutePath().toString()),
                            List.of("--cds.clinical.as-of=" + Chart.TODAY))
                    .withJvmArgs(split(System.getProperty("bench.server.jvmArgs", "")))
                    .withAppArgs(split(System.getProperty("bench.server.appArgs", "")));
        }

        Launch withJvmArgs(List<String> more) {
            List<String> all = new ArrayList<>(jvmArgs);
            all.addAll(more);
            return new Launch(name, java, all, target, appArgs);
        }

        Launch withAppArgs(List<String> more) {
            List<String> all = new ArrayList<>(appArgs);
            all.addAll(more);
            return new Launch(name, java, jvmArgs, target, all);
        }

        Launch named(String newName) {
            return new Launch(newName, java, jvmArgs, target, appArgs);
        }

        Launch withJava(Path newJava) {
            return new Launch(name, newJava, jvmArgs, target, appArgs);
        }

        Launch withTarget(List<String> newTarget) {
            return new Launch(name, java, jvmArgs, newTarget, appArgs);
        }

        /** The command line an operator would type (without the bench's GC log and port). */
        String commandLine() {
            List<String> words = new ArrayList<>(List.of("java"));
            words.addAll(jvmArgs);
            words.addAll(target);
            words.addAll(appArgs);
            return String.join(" ", words);
        }

        /** Words separated by white space or {@code ;} (which -Dbench.args can carry). */
        static List<String> split(String words) {
            return words.isBlank() ? List.of() : List.of(words.trim().split("[\\s;]+"));
        }
    }

    final Process process;
    final long spawnedNanos;
    final Path gcLog;
    final int port;
    volatile long startedLineNanos;
    volatile String startedLine;

    ServerProcess(Launch launch, int port, Path outDir) {
        this.port = port;
        try {
            Path work = Bench.OUT.resolve("work").toAbsolutePath();
            Files.createDirectories(work);
            Files.createDirectories(outDir);
            gcLog = outDir.resolve("gc.log").toAbsolutePath();
            Files.deleteIfExists(gcLog);
            List<String> command = new ArrayList<>(List.of(launch.java().toString()));
            command.addAll(launch.jvmArgs());
            command.add("-Xlog:gc:file=" + gcLog);
            command.addAll(launch.target());
            command.add("--server.port=" + port);
            command.addAll(launch.appArgs());
            spawnedNanos = System.nanoTime();
            process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = outDir.resolve("server.log");
        Thread reader = new Thread(() -> pump(log), "server-log");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (startedLine == null && line.contains("Started SarcomaCdsApplication")) {
                    startedLineNanos = System.nanoTime();
                    startedLine = line.substring(line.indexOf("Started"));
                }
                out.println(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /**
     * Polls {@code /actuator/health/readiness} every 10 ms until it answers 200; answers the nanoTime it did.
     *
     * @throws IllegalStateException if the process ends or is not ready within the timeout
     */
    long awaitReady(long timeoutMillis) throws InterruptedException {
        return awaitReady("/actuator/health/readiness", timeoutMillis);
    }

    /** As {@link #awaitReady(long)}, polling {@code path} (a server without Spring's actuator: its discovery). */
    long awaitReady(String path, long timeoutMillis) throws InterruptedException {
        LoadGenerator readiness = new LoadGenerator(port, path, null);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server ended during start-up; see target/bench/server.log");
            }
            try {
                if (readiness.once().status() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the server was not ready within " + timeoutMillis + " ms");
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident set size (VmHWM), in MB. */
    double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Double.NaN;
    }

    /** User plus system CPU time of the process so far, in milliseconds. */
    long cpuMillis() {
        return ticksToMillis(stat(Path.of("/proc/" + pid() + "/stat")));
    }

    /**
     * CPU time so far by thread group, in milliseconds: {@code main} (the thread that runs start-up), {@code http}
     * (Tomcat's threads, which run the hook calls), {@code jit} (compiler threads), {@code gc} (collector and VM
     * threads) and {@code other}.
     */
    Map<String, Long> cpuMillisByThreadGroup() {
        Map<String, Long> groups = new TreeMap<>(Map.of("main", 0L, "http", 0L, "jit", 0L, "gc", 0L, "other", 0L));
        Path tasks = Path.of("/proc/" + pid() + "/task");
        try (var threads = Files.list(tasks)) {
            for (Path task : threads.toList()) {
                String name;
                long millis;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    millis = ticksToMillis(stat(task.resolve("stat")));
                } catch (UncheckedIOException ended) {
                    continue; // the thread ended meanwhile
                }
                groups.merge(group(name, task.getFileName().toString()), millis, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    private String group(String threadName, String tid) {
        if (threadName.equals("java") && !tid.equals(String.valueOf(pid()))) {
            return "main";
        }
        if (threadName.startsWith("http-nio")) {
            return "http";
        }
        if (threadName.contains("CompilerThre")) {
            return "jit";
        }
        if (threadName.startsWith("GC ")
                || threadName.startsWith("G1 ")
                || threadName.startsWith("Z")
                || threadName.equals("VM Thread")) {
            return "gc";
        }
        return "other";
    }

    private static String[] stat(Path file) {
        try {
            String stat = Files.readString(file);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long ticksToMillis(String[] fields) {
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // USER_HZ is 100 on Linux
    }

    long gcLogLength() {
        try {
            return Files.exists(gcLog) ? Files.size(gcLog) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GC pauses logged between two offsets of the GC log (G1 and ZGC formats). */
    GcSummary gcSince(long fromOffset) {
        try {
            String text = Files.exists(gcLog) ? Files.readString(gcLog) : "";
            Matcher m = GC_PAUSE.matcher(text.substring((int) Math.min(fromOffset, text.length())));
            GcSummary summary = new GcSummary();
            while (m.find()) {
                summary.pauses++;
                if (m.group(1).equals("Full")) {
                    summary.full++;
                }
                double millis = Double.parseDouble(m.group(5));
                summary.pauseMillis += millis;
                summary.maxPauseMillis = Math.max(summary.maxPauseMillis, millis);
                if (m.group(2) != null) {
                    summary.maxHeapAfterMb = Math.max(summary.maxHeapAfterMb, Integer.parseInt(m.group(3)));
                    summary.committedMb = Math.max(summary.committedMb, Integer.parseInt(m.group(4)));
                }
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class GcSummary {
        int pauses;
        int full;
        double pauseMillis;
        double maxPauseMillis;
        int maxHeapAfterMb;
        int committedMb;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
