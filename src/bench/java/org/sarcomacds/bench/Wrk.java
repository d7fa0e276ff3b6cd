package org.sarcomacds.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same load from {@code wrk} (Debian package {@code wrk}), so a figure can be reproduced with a standard tool:
 * {@code wrk -t2 -c32 -d10s --timeout 10s -s <script> http://127.0.0.1:<port>/cds-services/<service>}, where the
 * Lua script (written next to the report) posts the shape's request body and prints wrk's summary in one line. The
 * bench installs nothing: without {@code wrk} on the PATH this phase is skipped, with a message.
 */
final class Wrk {

    /** What one wrk run measured; latencies in milliseconds. */
    record Result(
            double seconds,
            long requests,
            long non2xx,
            long socketErrors,
            double p50,
            double p90,
            double p99,
            double max,
            String commandLine) {

        double throughput() {
            return requests / seconds;
        }
    }

    private static final String SCRIPT = """
            -- Posts one hook request; written by the benchmark (org.sarcomacds.bench.Wrk).
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/json"
            local file = assert(io.open("%s", "rb"))
            wrk.body = file:read("*a")
            file:close()

            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format(
                "BENCH requests=%%d duration_us=%%d status=%%d connect=%%d read=%%d write=%%d timeout=%%d p50=%%d p90=%%d p99=%%d max=%%d\\n",
                summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
            end
            """;

    private Wrk() {}

    /** The path of {@code wrk} on the PATH, or null. */
    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Writes the Lua script that posts {@code body} (saved beside it) and answers the script's path. */
    static Path script(Path dir, String name, byte[] body) {
        try {
            Path bodyFile = dir.resolve("wrk-" + name + ".json").toAbsolutePath();
            Files.write(bodyFile, body);
            Path script = dir.resolve("wrk-" + name + ".lua").toAbsolutePath();
            Files.writeString(script, SCRIPT.formatted(bodyFile));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs wrk for {@code seconds} and parses the script's summary line. */
    static Result run(Path wrk, Path script, int port, String path, int threads, int connections, int seconds)
            throws IOException, InterruptedException {
        List<String> command = List.of(
                wrk.toString(),
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + port + path);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Map<String, Long> values = new HashMap<>();
        output.lines().filter(line -> line.startsWith("BENCH ")).findFirst().ifPresent(line -> {
            for (String pair : line.substring(6).trim().split(" ")) {
                String[] kv = pair.split("=");
                values.put(kv[0], Long.parseLong(kv[1]));
            }
        });
        if (values.isEmpty()) {
            throw new IllegalStateException("wrk printed no summary: " + output);
        }
        return new Result(
                values.get("duration_us") / 1e6,
                values.get("requests"),
                values.get("status"),
                values.get("connect") + values.get("read") + values.get("write") + values.get("timeout"),
                values.get("p50") / 1000.0,
                values.get("p90") / 1000.0,
                values.get("p99") / 1000.0,
                values.get("max") / 1000.0,
                String.join(" ", command.subList(1, command.size())));
    }
}
