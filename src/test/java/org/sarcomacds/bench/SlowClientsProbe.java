package org.sarcomacds.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sarcomacds.support.SlowClient;

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

        List<SlowClient> clients = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            clients.add(new SlowClient(base.getHost(), base.getPort(), "/cds-services/lms-patient-view", trickle));
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
        for (SlowClient client : clients) {
            answered408 += client.statusLine(90).startsWith("HTTP/1.1 408") ? 1 : 0;
            client.close();
        }
        System.out.printf(
                "slow clients answered 408: %d of %d (the last %d ms after the calls)%n",
                answered408, slow, (System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }
}
