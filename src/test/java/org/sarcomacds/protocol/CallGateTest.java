package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sarcomacds.CdsProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

/** Call turns: a call beyond them waits, no longer than max-call-wait, then 503; saturation is what readiness reads. */
class CallGateTest {

    private static CallGate gate(int turns, String maxWait) {
        return new CallGate(new Binder(new MapConfigurationPropertySource(Map.of(
                        "cds.capacity.max-concurrent-calls",
                        String.valueOf(turns),
                        "cds.capacity.max-call-wait",
                        maxWait)))
                .bindOrCreate("cds", CdsProperties.class));
    }

    @Test
    void aCallThatWaitsLongerThanMaxCallWaitIs503AndAFreedTurnIsTakenAgain() {
        CallGate gate = gate(1, "50ms");
        CallGate.Turn first = gate.enter();

        CdsRequestException refused = catchThrowableOfType(CdsRequestException.class, gate::enter);
        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        first.close();
        gate.enter().close();
        assertThat(gate.running()).isZero();
    }

    @Test
    void saturatedWhileEveryTurnIsTakenAndAsManyCallsWait() throws InterruptedException {
        CallGate gate = gate(1, "10s");
        CallGate.Turn running = gate.enter();
        assertThat(gate.saturated()).as("one running, none waiting").isFalse();

        CountDownLatch entered = new CountDownLatch(1);
        Thread waiting = Thread.ofVirtual().start(() -> {
            try (CallGate.Turn turn = gate.enter()) {
                entered.countDown();
            }
        });
        while (gate.waiting() == 0) {
            Thread.sleep(5);
        }
        assertThat(gate.saturated()).as("one running, one waiting").isTrue();

        running.close();
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        waiting.join();
        assertThat(gate.saturated()).isFalse();
    }
}
