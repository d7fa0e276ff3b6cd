package org.sarcomacds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hook calls right after start-up, optionally after a burst of discovery calls (which run Tomcat, the filters and
 * Spring MVC but none of the pipeline): start the jar, then run
 * {@code StartUpProbe <port> <request body file> <discovery calls>} (docs/performance.md, start-up target). Each call
 * on a new connection, as the benchmark's start-up phase makes them.
 */
public final class StartUpProbe {

    private final int port;
    private final byte[] body;

    private StartUpProbe(int port, byte[] body) {
        this.port = port;
        this.body = body;
    }

    public static void main(String[] args) throws Exception {
        StartUpProbe probe = new StartUpProbe(Integer.parseInt(args[0]), Files.readAllBytes(Path.of(args[1])));
        int discoveryCalls = Integer.parseInt(args[2]);
        probe.awaitPort();
        for (int i = 0; i < discoveryCalls; i++) {
            probe.call("GET", "/cds-services");
        }
        double first = probe.call("POST", "/cds-services/lms-patient-view");
        List<Double> next = probe.calls(50);
        List<Double> later = probe.calls(2000).subList(1500, 2000);
        System.out.printf(
                "discovery calls first: %d; first hook %.1f ms; next 50: median %.1f, max %.1f ms;"
                        + " calls 1500-2000: median %.1f ms%n",
                discoveryCalls, first, median(next), max(next), median(later));
    }

    private void awaitPort() throws InterruptedException {
        while (true) {
            try {
                call("GET", "/cds-services");
                return;
            } catch (IOException e) {
                Thread.sleep(5);
            }
        }
    }

    private List<Double> calls(int count) throws IOException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            millis.add(call("POST", "/cds-services/lms-patient-view"));
        }
        return millis;
    }

    private double call(String method, String path) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            boolean post = method.equals("POST");
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (post ? "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n" : "")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (post) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[65536];
            while (in.read(buffer) >= 0) {
                // read the whole answer; the server closes the connection after it
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return Collections.max(values);
    }
}
