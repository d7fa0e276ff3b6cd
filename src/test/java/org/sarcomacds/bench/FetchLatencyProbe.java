package org.sarcomacds.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.FixtureEhr;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures a patient-view call with no prefetch against a FHIR server that delays every answer by 300 ms: with
 * parallel fetches the call should take about one delay, not the sum. Not a test; run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.sarcomacds.bench.FetchLatencyProbe}.
 */
public final class FetchLatencyProbe {

    private static final int DELAY_MS = 300;
    private static final int CALLS = 20;

    public static void main(String[] args) {
        WireMockServer ehr = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        ehr.start();
        ConfigurableApplicationContext app = SpringApplication.run(
                SarcomaCdsApplication.class,
                "--server.port=0",
                "--logging.level.root=warn",
                "--cds.warm-up.enabled=true");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            run(ehr, new HookClient(port));
        } finally {
            app.close();
            ehr.stop();
        }
    }

    private static void run(WireMockServer ehr, HookClient client) {
        String token = "probe-" + UUID.randomUUID();
        Fixture fixture = Fixture.all().stream()
                .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
                .findFirst()
                .orElseThrow();
        FixtureEhr fhir = new FixtureEhr(ehr, token, DELAY_MS);
        Map<String, String> templates = client.templates("lms-patient-view");
        fhir.serve(fixture, templates);
        ObjectNode request = JsonMapper.builder()
                .build()
                .createObjectNode()
                .put("hook", "patient-view")
                .put("fhirServer", fhir.baseUrl());
        request.putObject("fhirAuthorization")
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", 300)
                .put("scope", "patient/*.read")
                .put("subject", "probe");
        request.set("context", fixture.context("patient-view").orElseThrow());

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < CALLS + 3; i++) {
            request.put("hookInstance", UUID.randomUUID().toString());
            long start = System.nanoTime();
            HookClient.Reply reply = client.post("/cds-services/lms-patient-view", request);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (reply.status() != 200) {
                throw new IllegalStateException("call failed: " + reply.status() + " " + reply.body());
            }
            if (i >= 3) {
                millis.add(elapsed);
            }
        }
        Collections.sort(millis);
        int searches = templates.size();
        System.out.printf(
                "FHIR queries per call: %d, each delayed %d ms (sum if sequential: %d ms)%n",
                searches, DELAY_MS, searches * DELAY_MS);
        System.out.printf(
                "calls: %d  min: %d ms  median: %d ms  max: %d ms%n",
                millis.size(), millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    }
}
