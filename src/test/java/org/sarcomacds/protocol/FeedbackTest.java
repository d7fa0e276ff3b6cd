package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.ProtocolHttp.JSON;
import static org.sarcomacds.protocol.ProtocolHttp.assertOperationOutcome;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.feedback.Feedback;
import org.sarcomacds.feedback.FeedbackStore;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.sarcomacds.support.InfoLogs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /cds-services/{id}/feedback}: what the sandbox sends on accept and dismiss is taken (200), a repeat
 * is recorded once, and every malformed body is 400 with an OperationOutcome.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith({OutputCaptureExtension.class, InfoLogs.class})
class FeedbackTest {

    private static final String FEEDBACK = "/cds-services/lms-order-sign/feedback";
    private static final String TIMESTAMP = "2026-11-27T10:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    FeedbackStore store;

    private ProtocolHttp http;
    private String card;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
        card = UUID.randomUUID().toString();
    }

    private static ObjectNode accepted(String card) {
        ObjectNode item = JSON.createObjectNode().put("card", card).put("outcome", "accepted");
        item.putArray("acceptedSuggestions")
                .addObject()
                .put("id", UUID.randomUUID().toString());
        item.put("outcomeTimestamp", TIMESTAMP);
        return item;
    }

    private static ObjectNode overridden(String card) {
        return JSON.createObjectNode()
                .put("card", card)
                .put("outcome", "overridden")
                .put("outcomeTimestamp", TIMESTAMP);
    }

    private static ObjectNode body(ObjectNode... items) {
        ObjectNode body = JSON.createObjectNode();
        var array = body.putArray("feedback");
        for (ObjectNode item : items) {
            array.add(item);
        }
        return body;
    }

    private static void assertOk(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    @Test
    void acceptedWithSuggestionsIs200AndRecorded(CapturedOutput output) {
        assertOk(http.postJson(FEEDBACK, body(accepted(card))));
        assertThat(output.getOut()).contains("card=" + card + " outcome=accepted acceptedSuggestions=1");
        assertThat(store.recordFeedback(
                        "lms-order-sign", new Feedback(card, "accepted", List.of("s1"), null, TIMESTAMP)))
                .as("already recorded by the HTTP call")
                .isFalse();
    }

    @Test
    void overriddenWithReasonIs200AndRecordsTheReasonCode(CapturedOutput output) {
        ObjectNode item = overridden(card);
        item.putObject("overrideReason")
                .putObject("reason")
                .put("code", "tumour-board")
                .put("system", "https://sarcomacds.org/fhir/CodeSystem/override-reason");
        assertOk(http.postJson(FEEDBACK, body(item)));
        assertThat(output.getOut())
                .contains("card=" + card + " outcome=overridden acceptedSuggestions=0 overrideReason=tumour-board");
    }

    @Test
    void overriddenWithoutReasonIs200(CapturedOutput output) {
        assertOk(http.postJson(FEEDBACK, body(overridden(card))));
        assertThat(output.getOut())
                .contains("card=" + card + " outcome=overridden acceptedSuggestions=0 overrideReason=-");
    }

    @Test
    void severalItemsInOneCallAreEachRecorded(CapturedOutput output) {
        String other = UUID.randomUUID().toString();
        assertOk(http.postJson(FEEDBACK, body(accepted(card), overridden(other))));
        assertThat(output.getOut()).contains("card=" + card, "card=" + other, "service=lms-order-sign items=2 new=2");
    }

    @Test
    void theSameItemTwiceIsAnswered200BothTimesAndRecordedOnce(CapturedOutput output) {
        ObjectNode item = accepted(card);
        assertOk(http.postJson(FEEDBACK, body(item)));
        assertOk(http.postJson(FEEDBACK, body(item)));

        assertThat(occurrences(output.getOut(), "card=" + Pattern.quote(card) + " .* new=true"))
                .as("log lines of a new item for this card")
                .isEqualTo(1);
        assertThat(output.getOut())
                .contains(
                        "feedback service=lms-order-sign items=1 new=1",
                        "feedback service=lms-order-sign items=1 new=0");
        assertThat(store.recordFeedback(
                        "lms-order-sign", new Feedback(card, "accepted", List.of("s1"), null, TIMESTAMP)))
                .isFalse();
    }

    @Test
    void theSameItemThroughAnotherServicesPathIsRecordedOnce(CapturedOutput output) {
        assertOk(http.postJson(FEEDBACK, body(overridden(card))));
        assertOk(http.postJson("/cds-services/lms-order-select/feedback", body(overridden(card))));
        assertOk(http.postJson("/cds-services/lms-patient-view/feedback", body(overridden(card))));
        assertThat(occurrences(output.getOut(), "card=" + Pattern.quote(card) + " .* new=true"))
                .isEqualTo(1);
        assertThat(occurrences(output.getOut(), "card=" + Pattern.quote(card) + " .* new=false"))
                .isEqualTo(2);
    }

    // --- values the store could not keep: 400 naming the item, never 503 ("send it again") ---

    @Test
    void aControlCharacterInTheCardIdIs400NamingTheItem() {
        assertOperationOutcome(
                http.postJson(FEEDBACK, body(overridden(card), overridden("card\u0000" + card))),
                400,
                "feedback[1].card contains a control character");
        assertThat(store.recordFeedback("lms-order-sign", new Feedback(card, "overridden", List.of(), null, TIMESTAMP)))
                .as("the valid item of the refused body was not stored")
                .isTrue();
    }

    @Test
    void aControlCharacterInTheReasonCodeIs400() {
        ObjectNode item = overridden(card);
        item.putObject("overrideReason").putObject("reason").put("code", "tumour\u0000board");
        assertOperationOutcome(
                http.postJson(FEEDBACK, body(item)), 400, "feedback[0].overrideReason.reason.code", "control");
    }

    @Test
    void halfASurrogatePairIs400() {
        // escaped in the JSON text: a lone surrogate cannot be sent as UTF-8
        String item = overridden("card-LONE").toString().replace("LONE", "\\ud800");
        assertOperationOutcome(
                http.postJson(FEEDBACK, "{\"feedback\":[" + item + "]}"), 400, "feedback[0].card", "Unicode");
    }

    @Test
    void tooLongCardIdOrReasonCodeIs400() {
        assertOperationOutcome(
                http.postJson(FEEDBACK, body(overridden("c".repeat(129)))), 400, "feedback[0].card", "128");
        ObjectNode item = overridden(card);
        item.putObject("overrideReason").putObject("reason").put("code", "r".repeat(129));
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "overrideReason.reason.code", "128");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+300000-01-01T00:00:00Z", // no database keeps it; answered 503 "send it again" before
                "-999999999-01-01T00:00:00Z",
                "2026-11-27T10:00Z",
                "2026-11-27T10:00:00",
                "2026-11-27"
            })
    void anOutcomeTimestampThatIsNotAFhirInstantIs400(String timestamp) {
        assertOperationOutcome(
                http.postJson(FEEDBACK, body(overridden(card).put("outcomeTimestamp", timestamp))),
                400,
                "feedback[0].outcomeTimestamp",
                "FHIR instant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999-12-31T23:59:59Z", "9999-01-01T00:00:00Z"})
    void anOutcomeTimestampOutsideTheSaneRangeIs400(String timestamp) {
        assertOperationOutcome(
                http.postJson(FEEDBACK, body(overridden(card).put("outcomeTimestamp", timestamp))),
                400,
                "feedback[0].outcomeTimestamp must lie between");
    }

    @Test
    void anOffsetAndAFractionAreAccepted() {
        assertOk(http.postJson(
                FEEDBACK, body(overridden(card).put("outcomeTimestamp", "2026-11-27T11:00:00.123456+01:00"))));
    }

    @Test
    void moreItemsThanTheLimitIs413() {
        ObjectNode[] items = new ObjectNode[101];
        for (int i = 0; i < items.length; i++) {
            items[i] = overridden(UUID.randomUUID().toString());
        }
        assertOperationOutcome(http.postJson(FEEDBACK, body(items)), 413, "101 feedback items", "at most 100");
        ObjectNode[] justEnough = java.util.Arrays.copyOf(items, 100);
        assertOk(http.postJson(FEEDBACK, body(justEnough)));
    }

    @Test
    void unknownOutcomeIs400() {
        ObjectNode item = overridden(card).put("outcome", "maybe");
        assertOperationOutcome(
                http.postJson(FEEDBACK, body(item)), 400, "feedback[0].outcome", "accepted", "overridden");
    }

    @Test
    void acceptedWithoutAcceptedSuggestionsIs400() {
        ObjectNode item = accepted(card);
        item.remove("acceptedSuggestions");
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "acceptedSuggestions");
    }

    @Test
    void acceptedWithEmptyAcceptedSuggestionsIs400() {
        ObjectNode item = accepted(card);
        item.putArray("acceptedSuggestions");
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "acceptedSuggestions");
    }

    @Test
    void acceptedSuggestionWithoutIdIs400() {
        ObjectNode item = accepted(card);
        item.putArray("acceptedSuggestions")
                .addObject()
                .put("uuid", UUID.randomUUID().toString());
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "acceptedSuggestions", "id");
    }

    @Test
    void missingOutcomeTimestampIs400() {
        ObjectNode item = overridden(card);
        item.remove("outcomeTimestamp");
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "outcomeTimestamp");
    }

    @Test
    void nonIsoOutcomeTimestampIs400() {
        ObjectNode item = overridden(card).put("outcomeTimestamp", "27/11/2026 10:00");
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "outcomeTimestamp", "ISO 8601");
    }

    @Test
    void missingCardIs400() {
        ObjectNode item = overridden(card);
        item.remove("card");
        assertOperationOutcome(http.postJson(FEEDBACK, body(item)), 400, "feedback[0].card");
    }

    @Test
    void theFailingItemIsNamedByIndex() {
        ObjectNode bad = overridden(UUID.randomUUID().toString()).put("outcome", "maybe");
        assertOperationOutcome(http.postJson(FEEDBACK, body(overridden(card), bad)), 400, "feedback[1].outcome");
    }

    @Test
    void emptyFeedbackArrayIs400() {
        assertOperationOutcome(http.postJson(FEEDBACK, "{\"feedback\": []}"), 400, "at least one item");
    }

    @Test
    void emptyObjectIs400() {
        assertOperationOutcome(http.postJson(FEEDBACK, "{}"), 400, "{\"feedback\"");
    }

    @Test
    void unknownServiceIs404() {
        assertOperationOutcome(
                http.postJson("/cds-services/no-such-service/feedback", body(overridden(card))),
                404,
                "no-such-service");
    }

    @Test
    void malformedJsonIs400() {
        assertOperationOutcome(http.postJson(FEEDBACK, "{\"feedback\": [{\"card\": "), 400, "not valid JSON");
    }

    @Test
    void aRefusedCallRecordsNothing(CapturedOutput output) {
        ObjectNode bad = overridden(UUID.randomUUID().toString()).put("outcome", "maybe");
        assertThat(http.postJson(FEEDBACK, body(overridden(card), bad)).status())
                .isEqualTo(400);
        assertThat(output.getOut()).doesNotContain("card=" + card);
        assertThat(store.recordFeedback("lms-order-sign", new Feedback(card, "overridden", List.of(), null, TIMESTAMP)))
                .as("the valid item of a refused call was not recorded")
                .isTrue();
    }

    private static int occurrences(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
