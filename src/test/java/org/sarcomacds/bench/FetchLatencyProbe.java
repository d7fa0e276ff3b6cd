package org.sarcomacds.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * Measures a patient-view call with no prefetch against a FHIR server (WireMock, in this process) that delays every
 * answer: 300 ms, where parallel fetches should make the call take about one delay, not the sum; and 0 ms, where the
 * call's time is the service's own work. For each it prints the latency and the CPU per call: of the virtual threads'
 * carriers, where the service runs the hook call and its fetches (Tomcat, HAPI's client, OkHttp, the checks, the
 * rules), and of the whole process (WireMock and the probe's own client included). Not a test; run it with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.sarcomacds.bench.FetchLatencyProbe}.
 */
public final class FetchLatencyProbe {

    private static final int WARM_UP = 30;
    private static final int CALLS = 100;

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
            for (int delay : new int[] {300, 0}) {
                run(ehr, new HookClient(port), delay);
            }
        } finally {
            app.close();
            ehr.stop();
        }
    }

    private static void run(WireMockServer ehr, HookClient client, int delayMillis) {
        String token = "probe-" + UUID.randomUUID();
        Fixture fixture = Fixture.all().stream()
                .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
                .findFirst()
                .orElseThrow();
        FixtureEhr fhir = new FixtureEhr(ehr, token, delayMillis);
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

        List<Long> micros = new ArrayList<>();
        long carriersBefore = 0;
        long processBefore = 0;
        for (int i = 0; i < WARM_UP + CALLS; i++) {
            if (i == WARM_UP) {
                carriersBefore = carrierCpuNanos();
                processBefore = processCpuNanos();
            }
            request.put("hookInstance", UUID.randomUUID().toString());
            long start = System.nanoTime();
            HookClient.Reply reply = client.post("/cds-services/lms-patient-view", request);
            long elapsed = (System.nanoTime() - start) / 1_000;
            if (reply.status() != 200) {
                throw new IllegalStateException("call failed: " + reply.status() + " " + reply.body());
            }
            if (i >= WARM_UP) {
                micros.add(elapsed);
            }
        }
        double carriers = (carrierCpuNanos() - carriersBefore) / 1e6 / CALLS;
        double process = (processCpuNanos() - processBefore) / 1e6 / CALLS;
        Collections.sort(micros);
        System.out.printf(
                "FHIR queries per call: %d, each delayed %d ms (sum if sequential: %d ms)%n",
                templates.size(), delayMillis, templates.size() * delayMillis);
        System.out.printf(
                "calls: %d  min: %.1f ms  median: %.1f ms  p90: %.1f ms  max: %.1f ms"
                        + "  CPU per call: %.2f ms service (virtual-thread carriers), %.2f ms whole process%n",
                micros.size(),
                micros.get(0) / 1e3,
                micros.get(micros.size() / 2) / 1e3,
                micros.get(micros.size() * 9 / 10) / 1e3,
                micros.get(micros.size() - 1) / 1e3,
                carriers,
                process);
    }

    /** CPU time of the carrier threads of virtual threads, on which Tomcat's requests and the fetches run. */
    private static long carrierCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("ForkJoinPool-1-worker-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
