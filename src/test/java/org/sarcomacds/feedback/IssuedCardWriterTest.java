package org.sarcomacds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sarcomacds.cards.Card;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The issued-card writer against a store double that records each write (one write = one transaction), and can hold
 * its first write until released or fail every write. Nothing here depends on timing: a held write or a long delay
 * keeps calls queued for as long as a test needs, and {@code flush} or {@code stop} ends the wait.
 */
@ExtendWith(OutputCaptureExtension.class)
class IssuedCardWriterTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    private final RecordingStore store = new RecordingStore();
    private final AtomicInteger failures = new AtomicInteger();
    private IssuedCardWriter writer;

    @AfterEach
    void stopWriter() {
        store.release.countDown();
        if (writer != null) {
            writer.stop();
        }
    }

    private IssuedCardWriter started(int capacity, Duration maxDelay) {
        writer = new IssuedCardWriter(store, capacity, maxDelay);
        writer.start();
        return writer;
    }

    /** The writer runs without delay and is held in the write of its first call, {@code first}, until released. */
    private void writingTheFirstCallHeld(int capacity) throws InterruptedException {
        store.holdFirstWrite();
        started(capacity, Duration.ZERO);
        submit("first", 1);
        assertThat(store.firstWriteEntered.await(30, TimeUnit.SECONDS)).isTrue();
    }

    private void submitCalls(String prefix, int calls, int cardsEach) {
        for (int i = 0; i < calls; i++) {
            submit(prefix + i, cardsEach);
        }
    }

    private void submit(String hookInstance, int cards) {
        writer.submit(call(hookInstance, cards), failures::incrementAndGet);
    }

    private static IssuedCards call(String hookInstance, int cards) {
        List<Card> list = IntStream.range(0, cards)
                .mapToObj(i -> new Card(
                        hookInstance + "-" + i,
                        "summary",
                        null,
                        "info",
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        "RULE"))
                .toList();
        return new IssuedCards("svc", hookInstance, "patient-secret-42", Instant.now(), list);
    }

    @Test
    void callsArrivingWithinTheDelayAreOneWrite() {
        started(100, LONG);
        submitCalls("h", 20, 1);
        writer.flush();
        assertThat(store.writes).hasSize(1);
        assertThat(store.writes.get(0).calls()).hasSize(20);
        assertThat(store.writes.get(0).thread()).isEqualTo("issued-card-writer");
        assertThat(failures).hasValue(0);
    }

    @Test
    void callsQueuedWhileAWriteRunsAreTheNextWrite() throws InterruptedException {
        writingTheFirstCallHeld(100);
        submitCalls("h", 50, 1);
        store.release.countDown();
        writer.flush();
        assertThat(store.writes).extracting(write -> write.calls().size()).containsExactly(1, 50);
        assertThat(store.hookInstances()).hasSize(51).contains("first", "h0", "h49");
    }

    @Test
    void aWriteEndsWithTheCallThatReachesTheBatchLimit() throws InterruptedException {
        writingTheFirstCallHeld(100);
        submitCalls("big", 5, IssuedCardWriter.BATCH_CARDS * 2 / 5);
        store.release.countDown();
        writer.flush();
        assertThat(store.writes).extracting(write -> write.calls().size()).containsExactly(1, 3, 2);
    }

    @Test
    void stopWritesEverythingQueuedAndLaterCallsWriteThemselves() {
        started(100, LONG);
        submitCalls("h", 10, 2);
        writer.stop();
        assertThat(writer.isRunning()).isFalse();
        assertThat(store.hookInstances()).hasSize(10);
        submit("after-stop", 1);
        assertThat(store.writes.get(store.writes.size() - 1).thread())
                .isEqualTo(Thread.currentThread().getName());
        assertThat(store.hookInstances()).contains("after-stop");
        writer.flush(); // returns at once when stopped
    }

    @Test
    void aFullQueueMakesTheCallerWriteItselfAndNothingIsLost() throws InterruptedException {
        writingTheFirstCallHeld(2);
        submit("queued-1", 1);
        submit("queued-2", 1);
        submit("overflow", 1);
        assertThat(store.writes)
                .as("the overflow was written by the caller while the writer was held")
                .singleElement()
                .satisfies(write -> {
                    assertThat(write.thread()).isEqualTo(Thread.currentThread().getName());
                    assertThat(write.calls())
                            .extracting(IssuedCards::hookInstance)
                            .containsExactly("overflow");
                });
        store.release.countDown();
        writer.flush();
        assertThat(store.hookInstances()).containsExactlyInAnyOrder("first", "queued-1", "queued-2", "overflow");
        assertThat(failures).hasValue(0);
    }

    @Test
    void aFailedWriteIsReportedPerCallAndLaterWritesStillHappen(CapturedOutput output) {
        started(100, LONG);
        store.failing = true;
        submit("lost-1", 1);
        submit("lost-2", 3);
        writer.flush();
        assertThat(failures).hasValue(2);
        assertThat(output.getOut() + output.getErr())
                .contains("DataAccessResourceFailureException")
                .doesNotContain("patient-secret-42")
                .doesNotContain("database is down");
        store.failing = false;
        submit("kept", 1);
        writer.flush();
        assertThat(store.hookInstances()).containsExactly("kept");
        assertThat(failures).hasValue(2);
    }

    @Test
    void aCallWithAValueTheStoreCannotKeepIsRefusedBeforeItIsQueued(CapturedOutput output) {
        started(100, LONG);
        submit("before", 1);
        submit("nul\u0000inside", 1);
        submit("after", 1);
        writer.flush();
        assertThat(failures).hasValue(1);
        assertThat(store.writes)
                .singleElement()
                .satisfies(write -> assertThat(write.calls())
                        .extracting(IssuedCards::hookInstance)
                        .containsExactly("before", "after"));
        assertThat(output.getOut() + output.getErr()).contains("the hookInstance contains a control character");
    }

    @Test
    void aBatchTheDatabaseRefusesIsWrittenAgainCallByCallSoOnlyTheCallAtFaultIsLost(CapturedOutput output) {
        started(100, LONG);
        store.refused.add("poisoned");
        submitCalls("a", 5, 2);
        submit("poisoned", 1);
        submitCalls("b", 5, 2);
        writer.flush();
        assertThat(failures).hasValue(1);
        assertThat(store.hookInstances()).hasSize(10).doesNotContain("poisoned");
        assertThat(store.attempts)
                .as("the batch, then each of its 11 calls alone")
                .hasValue(12);
        assertThat(output.getOut() + output.getErr()).contains("10 of 11 hook calls' issued cards stored");
    }

    @Test
    void aDatabaseThatIsDownIsNotTriedAgainCallByCall() {
        started(100, LONG);
        store.failing = true;
        submitCalls("h", 5, 1);
        writer.flush();
        assertThat(failures).hasValue(5);
        assertThat(store.attempts).hasValue(1);
    }

    @Test
    void aFailedWriteOnTheCallersThreadIsReportedNotThrown() {
        writer = new IssuedCardWriter(store, 100, LONG); // not started: every call writes itself
        store.failing = true;
        submit("lost", 1);
        assertThat(failures).hasValue(1);
    }

    @Test
    void anAnswerWithoutCardsIsNotWritten() {
        started(100, LONG);
        submit("empty", 0);
        writer.flush();
        assertThat(store.writes).isEmpty();
    }

    /** A feedback store that records its issued-card writes; the first write can be held, every write can fail. */
    private static final class RecordingStore implements FeedbackStore {

        record Write(String thread, List<IssuedCards> calls) {}

        final List<Write> writes = new CopyOnWriteArrayList<>();
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean hold;
        volatile boolean failing;
        /** A write holding one of these hook instances is refused as a bad value (a constraint violation). */
        final Set<String> refused = ConcurrentHashMap.newKeySet();

        final AtomicInteger attempts = new AtomicInteger();

        void holdFirstWrite() {
            hold = true;
        }

        List<String> hookInstances() {
            List<String> all = new ArrayList<>();
            writes.forEach(write -> write.calls().forEach(call -> all.add(call.hookInstance())));
            return Collections.unmodifiableList(all);
        }

        @Override
        public void recordIssued(List<IssuedCards> calls) {
            if (hold) {
                hold = false;
                firstWriteEntered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            attempts.incrementAndGet();
            if (failing) {
                throw new DataAccessResourceFailureException("database is down");
            }
            if (calls.stream().anyMatch(call -> refused.contains(call.hookInstance()))) {
                throw new DataIntegrityViolationException("invalid byte sequence for encoding UTF8: 0x00");
            }
            writes.add(new Write(Thread.currentThread().getName(), List.copyOf(calls)));
        }

        @Override
        public boolean recordFeedback(String serviceId, Feedback feedback) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RuleSummary> summarize(Instant from, Instant to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean answeredAtSelect(String patientId, String encounterId, String userId, Card card) {
            throw new UnsupportedOperationException();
        }
    }
}
