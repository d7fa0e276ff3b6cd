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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar as a separate process, started the way an operator starts it, with the heap cap of the issue and
 * a GC log; reads its peak RSS and CPU time from {@code /proc}.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern GC_PAUSE =
            Pattern.compile("Pause (Young|Full|Remark|Cleanup)[^\\n]*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    final Process process;
    final long spawnedNanos;
    final Path gcLog;
    volatile long startedLineNanos;
    volatile String startedLine;

    ServerProcess(Path jar, int port, Path outDir, List<String> jvmArgs) {
        try {
            Files.createDirectories(outDir);
            gcLog = outDir.resolve("gc.log");
            Files.deleteIfExists(gcLog);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmArgs);
            command.add("-Xlog:gc:file=" + gcLog);
            command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
            spawnedNanos = System.nanoTime();
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
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

    long pid() {
        return process.pid();
    }

    /** Peak resident set size (VmHWM), in MB. */
    double peakRssMb() {
        return statusKb("VmHWM") / 1024.0;
    }

    private long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    /** User plus system CPU time of the process so far, in milliseconds. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long gcLogLength() {
        try {
            return Files.exists(gcLog) ? Files.size(gcLog) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GC pauses logged between two offsets of the GC log. */
    GcSummary gcSince(long fromOffset) {
        try {
            String text = Files.readString(gcLog);
            Matcher m = GC_PAUSE.matcher(text.substring((int) Math.min(fromOffset, text.length())));
            GcSummary summary = new GcSummary();
            while (m.find()) {
                summary.pauses++;
                if (m.group(1).equals("Full")) {
                    summary.full++;
                }
                summary.pauseMillis += Double.parseDouble(m.group(5));
                summary.maxPauseMillis = Math.max(summary.maxPauseMillis, Double.parseDouble(m.group(5)));
                summary.maxHeapBeforeMb = Math.max(summary.maxHeapBeforeMb, Integer.parseInt(m.group(2)));
                summary.maxHeapAfterMb = Math.max(summary.maxHeapAfterMb, Integer.parseInt(m.group(3)));
                summary.committedMb = Math.max(summary.committedMb, Integer.parseInt(m.group(4)));
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
        int maxHeapBeforeMb;
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
