package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Readiness turns to ACCEPTING_TRAFFIC only after the warm-up calls have gone through the whole pipeline, with
 * prefetch and through the fetch path. The warm-up is off in the other test contexts (test configuration); this one
 * turns it on, as the service's default has it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cds.warm-up.enabled=true", "logging.level.org.sarcomacds.protocol.WarmUp=info"})
@ExtendWith(OutputCaptureExtension.class)
@Import(WarmUpReadinessTest.ReadinessChanges.class)
class WarmUpReadinessTest {

    @Autowired
    ApplicationAvailability availability;

    @Autowired
    WarmUp warmUpBean;

    @Test
    void theWarmUpCallRunsBeforeTheServiceReportsReady(CapturedOutput output) {
        String log = output.getOut();
        int warmUp = log.indexOf("warm-up service=lms-patient-view");
        int fetchPath = log.indexOf("warm-up of the fetch path done");
        int ready = log.indexOf("readiness-change ACCEPTING_TRAFFIC");
        assertThat(warmUp).as("the warm-up call ran").isNotNegative();
        assertThat(fetchPath).as("the warm-up calls through the fetch path ran").isNotNegative();
        assertThat(ready).as("readiness was published").isNotNegative();
        assertThat(warmUp).as("warm-up before readiness").isLessThan(ready);
        assertThat(fetchPath).as("fetch-path warm-up before readiness").isLessThan(ready);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(warmUpBean.calls()).as("a call of each service at least").isGreaterThanOrEqualTo(3);
    }

    /** Writes each readiness change to the captured output, so its order against the warm-up line can be read. */
    @TestConfiguration
    static class ReadinessChanges {

        @EventListener
        void changed(AvailabilityChangeEvent<ReadinessState> event) {
            System.out.println("readiness-change " + event.getState());
        }
    }
}
