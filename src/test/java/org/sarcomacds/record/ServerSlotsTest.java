package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** At most so many requests at once per FHIR server; one more waits, until its deadline at the latest. */
class ServerSlotsTest {

    private static final HttpUrl EHR = HttpUrl.get("https://ehr.example.org/fhir/Condition?patient=1");
    private static final HttpUrl OTHER = HttpUrl.get("https://other.example.org/fhir/Condition?patient=1");

    private static long inMillis(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aServerGetsNoMoreThanItsSlotsAndAFreedSlotIsTakenAgain() {
        ServerSlots slots = new ServerSlots(2);
        ServerSlots.Slot first = slots.take(EHR, inMillis(1000));
        slots.take(EHR, inMillis(1000));

        assertThatThrownBy(() -> slots.take(EHR, inMillis(50)))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("already had 2 requests from this service in progress");
        assertThat(slots.take(OTHER, inMillis(50)))
                .as("another server has slots of its own")
                .isNotNull();

        first.close();
        assertThat(slots.take(EHR, inMillis(50))).as("a freed slot").isNotNull();
    }
}
