package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.CdsProperties;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

/**
 * Calls run on the gate's workers, first come first served: a call beyond them waits no longer than max-call-wait,
 * then 503 and never runs; what a call returns or throws, and its log context, come back to the caller; saturation is
 * what readiness reads.
 */
class CallGateTest {

    private final List<CallGate> gates = new ArrayList<>();

    private CallGate gate(int turns, String maxWait) {
        CallGate gate = new CallGate(new Binder(new MapConfigurationPropertySource(Map.of(
                        "cds.capacity.max-concurrent-calls",
                        String.valueOf(turns),
                        "cds.capacity.max-call-wait",
                        maxWait)))
                .bindOrCreate("cds", CdsProperties.class));
        gates.add(gate);
        return gate;
    }

    @AfterEach
    void stop() {
        gates.forEach(CallGate::destroy);
        MDC.clear();
    }

    @Test
    void aCallNotStartedWithinMaxCallWaitIs503AndNeverRuns() throws Exception {
        CallGate gate = gate(1, "50ms");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> gate.run(() -> {
                    await(release);
                    return "first";
                }),
                runnable -> Thread.ofVirtual().start(runnable));
        while (gate.running() == 0) {
            Thread.sleep(5);
        }
        AtomicBoolean secondRan = new AtomicBoolean();

        CdsRequestException refused =
                catchThrowableOfType(CdsRequestException.class, () -> gate.run(() -> secondRan.getAndSet(true)));

        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(gate.run(() -> "third"))
                .as("a freed worker takes the next call")
                .isEqualTo("third");
        assertThat(secondRan).as("the call answered 503 never ran").isFalse();
        assertThat(gate.waiting()).isZero();
        assertThat(gate.running()).isZero();
    }

    @Test
    void aCallRunsOnAPlatformWorkerAndItsFailureComesBackAsThrown() {
        CallGate gate = gate(2, "1s");

        assertThat(gate.run(() -> Thread.currentThread().isVirtual())).isFalse();
        assertThat(gate.run(() -> Thread.currentThread().getName())).startsWith("hook-call-");
        CdsRequestException thrown = new CdsRequestException(HttpStatus.BAD_REQUEST, "bad");
        assertThat(catchThrowableOfType(
                        CdsRequestException.class,
                        () -> gate.run(() -> {
                            throw thrown;
                        })))
                .isSameAs(thrown);
        StackOverflowError error = new StackOverflowError();
        assertThat(catchThrowableOfType(
                        StackOverflowError.class,
                        () -> gate.run(() -> {
                            throw error;
                        })))
                .isSameAs(error);
    }

    @Test
    void theLogContextTravelsToTheWorkerAndWhatTheCallPutsThereComesBack() {
        CallGate gate = gate(1, "1s");
        MDC.put("requestId", "r-1");

        String seen = gate.run(() -> {
            MDC.put("hookInstance", "h-1");
            return MDC.get("requestId");
        });

        assertThat(seen).isEqualTo("r-1");
        assertThat(MDC.get("hookInstance"))
                .as("for the lines that answer the call")
                .isEqualTo("h-1");
        assertThat(gate.run(() -> MDC.get("hookInstance")))
                .as("a worker starts each call with its caller's context only")
                .isEqualTo("h-1");
        MDC.clear();
        assertThat(gate.run(() -> MDC.get("hookInstance"))).isNull();
    }

    @Test
    void callsStartInTheOrderTheyArrive() throws Exception {
        CallGate gate = gate(1, "10s");
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        callers.add(Thread.ofVirtual()
                .start(() -> gate.run(() -> {
                    await(release);
                    return 0;
                })));
        while (gate.running() == 0) {
            Thread.sleep(5);
        }
        for (int i = 1; i <= 5; i++) {
            int n = i;
            callers.add(Thread.ofVirtual().start(() -> gate.run(() -> order.add(n))));
            while (gate.waiting() < n) {
                Thread.sleep(5);
            }
        }

        release.countDown();
        for (Thread caller : callers) {
            caller.join(5_000);
        }
        assertThat(order).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void saturatedWhileEveryWorkerIsBusyAndAsManyCallsWait() throws Exception {
        CallGate gate = gate(1, "10s");
        CountDownLatch release = new CountDownLatch(1);
        Thread first = Thread.ofVirtual()
                .start(() -> gate.run(() -> {
                    await(release);
                    return 1;
                }));
        while (gate.running() == 0) {
            Thread.sleep(5);
        }
        assertThat(gate.saturated()).as("one running, none waiting").isFalse();

        Thread second = Thread.ofVirtual().start(() -> gate.run(() -> 2));
        while (gate.waiting() == 0) {
            Thread.sleep(5);
        }
        assertThat(gate.saturated()).as("one running, one waiting").isTrue();

        release.countDown();
        first.join(5_000);
        second.join(5_000);
        assertThat(gate.saturated()).isFalse();
        assertThat(gate.running()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
