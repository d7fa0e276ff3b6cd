package org.sarcomacds.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures what slow clients do to a running service: opens N connections that announce a 5 MB hook call and then
 * stall (or trickle a byte every 200 ms), then times normal hook calls ({@code docs/examples/patient-view-lms-uterine
 * .json}), and reports how the slow clients were answered. Not a test; start the jar, then
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.sarcomacds.bench.SlowClientsProbe
 * -Dexec.args="http://127.0.0.1:18095 100 stall"} (docs/operations.md has the numbers seen).
 */
public final class SlowClientsProbe {

    private static final int CALLS = 5;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int slow = Integer.parseInt(args[1]);
        boolean trickle = args.length > 2 && args[2].equals("trickle");
        byte[] call = Files.readAllBytes(Path.of("docs/examples/patient-view-lms-uterine.json"));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            clients.add(slowClient(base, trickle));
        }
        Thread.sleep(500);
        System.out.println(slow + " clients " + (trickle ? "trickling" : "stalled") + " after their headers");
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            String outcome;
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(base.resolve("/cds-services/lms-patient-view"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(call))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                outcome = "HTTP " + answer.statusCode();
            } catch (IOException e) {
                outcome = "no answer (" + e.getClass().getSimpleName() + ")";
            }
            System.out.printf("normal call %d: %s in %d ms%n", i + 1, outcome, (System.nanoTime() - start) / 1_000_000);
        }
        long start = System.nanoTime();
        int answered408 = 0;
        for (Socket client : clients) {
            answered408 += statusLine(client).startsWith("HTTP/1.1 408") ? 1 : 0;
            client.close();
        }
        System.out.printf(
                "slow clients answered 408: %d of %d (the last %d ms after the calls)%n",
                answered408, slow, (System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }

    private static Socket slowClient(URI base, boolean trickle) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /cds-services/lms-patient-view HTTP/1.1\r\nHost: " + base.getHost()
                        + "\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        if (trickle) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Thread.sleep(200);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off
                }
            });
        }
        return socket;
    }

    private static String statusLine(Socket socket) {
        try {
            socket.setSoTimeout(90_000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\r') {
                line.append((char) b);
            }
            return line.toString();
        } catch (IOException e) {
            return "";
        }
    }
}
