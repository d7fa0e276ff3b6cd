package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;

/** With {@code cds.warm-up.enabled=false} (the test configuration) no synthetic call is made, and readiness comes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WarmUpOffTest {

    @Autowired
    WarmUp warmUp;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void theWarmUpIsOffInTestsAndTheServiceIsStillReady() {
        assertThat(warmUp.calls()).isZero();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }
}
