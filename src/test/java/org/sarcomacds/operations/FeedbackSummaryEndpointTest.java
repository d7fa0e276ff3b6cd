package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.InfoLogs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /admin/feedback/summary} with a configured admin token: answered with the token, refused (401)
 * without it or with a wrong one; JSON and CSV. This context also logs as ECS JSON, as the prod profile does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cds.admin.token=" + FeedbackSummaryEndpointTest.TOKEN,
            "logging.structured.format.console=ecs",
            // Issued cards would wait ten minutes for their batch: only the summary's own flush can write them.
            "cds.store.issued-max-delay=10m",
            // The example's liver tests are of 2026-11-16: recent on this date, so the consult may draft regorafenib.
            "cds.clinical.as-of=2026-11-20"
        })
@ExtendWith({OutputCaptureExtension.class, InfoLogs.class})
class FeedbackSummaryEndpointTest {

    static final String TOKEN = "admin-token-for-tests-0123456789";
    private static final String RULE = "LMS-NEXT-LINE-OPTIONS";
    private static final String SUMMARY = "/admin/feedback/summary";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HookClient client;

    @BeforeEach
    void client() {
        client = new HookClient(port);
    }

    /** One patient-view with a card, and one override of that card with a reason; returns the hookInstance. */
    private String cardShownAndOverridden(String reason) {
        ObjectNode request = (ObjectNode) Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json"));
        String hookInstance = UUID.randomUUID().toString();
        request.put("hookInstance", hookInstance);
        HookClient.Reply hook = client.post("/cds-services/lms-patient-view", request);
        assertThat(hook.status()).isEqualTo(200);
        ObjectNode feedback = JSON.createObjectNode();
        ObjectNode item = feedback.putArray("feedback")
                .addObject()
                .put("card", RestartScenario.cardOf(hook.json(), RULE))
                .put("outcome", "overridden")
                .put("outcomeTimestamp", Instant.now().toString());
        item.putObject("overrideReason").putObject("reason").put("code", reason);
        assertThat(client.post("/cds-services/lms-patient-view/feedback", feedback)
                        .status())
                .isEqualTo(200);
        return hookInstance;
    }

    private HookClient.Reply summary(String query, String... headers) {
        return client.get(SUMMARY + query, headers);
    }

    @Test
    void withTheTokenItAnswersPerRuleCountsAndReasons() {
        Instant from = Instant.now();
        cardShownAndOverridden("tumour-board");
        cardShownAndOverridden("tumour-board");
        HookClient.Reply reply =
                summary("?from=" + from + "&to=" + Instant.now().plusSeconds(60), "Authorization", "Bearer " + TOKEN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode rule = RestartScenario.ruleEntry(reply.json(), RULE);
        assertThat(rule.path("shown").asLong()).isEqualTo(2);
        assertThat(rule.path("accepted").asLong()).isZero();
        assertThat(rule.path("overridden").asLong()).isEqualTo(2);
        assertThat(rule.path("overrideReasons").path("tumour-board").asLong()).isEqualTo(2);
    }

    @Test
    void anAcceptedSuggestionOfTheConsultCountsForTheOptionItCameFrom() {
        Instant from = Instant.now();
        ObjectNode request = (ObjectNode) Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json"));
        request.put("hookInstance", UUID.randomUUID().toString());
        pazopanibStoppedForProgression(request);
        JsonNode consult = client.post("/cds-services/lms-patient-view", request)
                .json()
                .path("cards")
                .valueStream()
                .filter(card -> card.path("source")
                        .path("topic")
                        .path("code")
                        .asString()
                        .equals(RULE))
                .findFirst()
                .orElseThrow();
        JsonNode regorafenib = consult.path("suggestions")
                .valueStream()
                .filter(s -> s.path("label").asString().startsWith("Draft regorafenib"))
                .findFirst()
                .orElseThrow();
        ObjectNode feedback = JSON.createObjectNode();
        feedback.putArray("feedback")
                .addObject()
                .put("card", consult.path("uuid").asString())
                .put("outcome", "accepted")
                .put("outcomeTimestamp", Instant.now().toString())
                .putArray("acceptedSuggestions")
                .addObject()
                .put("id", regorafenib.path("uuid").asString());
        assertThat(client.post("/cds-services/lms-patient-view/feedback", feedback)
                        .status())
                .isEqualTo(200);

        JsonNode summary = summary(
                        "?from=" + from + "&to=" + Instant.now().plusSeconds(60), "Authorization", "Bearer " + TOKEN)
                .json();

        JsonNode option = RestartScenario.ruleEntry(summary, "LMS-REGORAFENIB-ALTERNATIVE");
        assertThat(option.path("partOf").asString()).isEqualTo(RULE);
        assertThat(option.path("shown").asLong()).isEqualTo(1);
        assertThat(option.path("accepted").asLong()).isEqualTo(1);
        JsonNode trials = RestartScenario.ruleEntry(summary, "LMS-CLINICAL-TRIALS");
        assertThat(trials.path("shown").asLong()).isEqualTo(1);
        assertThat(trials.path("accepted").asLong()).isZero();
        assertThat(RestartScenario.ruleEntry(summary, RULE).path("accepted").asLong())
                .isEqualTo(1);
    }

    @Test
    void aWindowBeforeTheCardsCountsNothing() {
        cardShownAndOverridden("too-early");
        HookClient.Reply reply = summary("?from=2001-01-01&to=2001-01-31", "Authorization", "Bearer " + TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("rules").size()).isZero();
        assertThat(reply.json().path("from").asString()).isEqualTo("2001-01-01T00:00:00Z");
        assertThat(reply.json().path("to").asString())
                .as("a date as 'to' includes that day")
                .isEqualTo("2001-02-01T00:00:00Z");
    }

    @Test
    void csvOnRequestByAcceptHeaderOrFormat() {
        cardShownAndOverridden("tumour-board");
        for (HookClient.Reply reply : new HookClient.Reply[] {
            summary("", "Authorization", "Bearer " + TOKEN, "Accept", "text/csv"),
            summary("?format=csv", "Authorization", "Bearer " + TOKEN)
        }) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.contentType()).startsWith("text/csv");
            assertThat(reply.body()).startsWith("ruleId,shown,accepted,overridden,overrideReasons,partOf\r\n");
            assertThat(reply.body())
                    .containsPattern("\r\n" + RULE + ",[1-9][0-9]*,[0-9]+,[1-9][0-9]*,\"[^\"]*tumour-board=[1-9]");
        }
    }

    @Test
    void withoutTheTokenItIs401() {
        HookClient.Reply reply = summary("");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        assertThat(reply.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(reply.body()).doesNotContain(TOKEN);
    }

    @Test
    void aWrongTokenOrSchemeIs401() {
        assertThat(summary("", "Authorization", "Bearer " + TOKEN + "x").status())
                .isEqualTo(401);
        assertThat(summary("", "Authorization", "Bearer " + TOKEN.substring(1)).status())
                .isEqualTo(401);
        assertThat(summary("", "Authorization", "Basic " + TOKEN).status()).isEqualTo(401);
        assertThat(summary("", "Authorization", TOKEN).status()).isEqualTo(401);
        assertThat(summary("", "Authorization", "Bearer ").status()).isEqualTo(401);
    }

    @Test
    void badWindowsAre400() {
        assertThat(summary("?from=yesterday", "Authorization", "Bearer " + TOKEN)
                        .status())
                .isEqualTo(400);
        assertThat(summary("?from=2026-02-01&to=2026-01-01", "Authorization", "Bearer " + TOKEN)
                        .status())
                .isEqualTo(400);
        assertThat(summary("?format=xml", "Authorization", "Bearer " + TOKEN).status())
                .isEqualTo(400);
    }

    @Test
    void yearsNoDatabaseKeepsAre400NotA500() {
        for (String query : new String[] {
            "?to=-999999999-01-01T00:00:00Z",
            "?from=-999999999-01-01T00:00:00Z&to=2026-01-01",
            "?to=%2B999999999-12-31T23:59:59Z", // %2B: a + in a query is a space
            "?from=0000-12-31T00:00:00Z&to=2026-01-01"
        }) {
            HookClient.Reply reply = summary(query, "Authorization", "Bearer " + TOKEN);
            assertThat(reply.status()).as(query + " " + reply.body()).isEqualTo(400);
            assertThat(reply.json().path("issue").path(0).path("diagnostics").asString())
                    .contains("must lie between");
        }
    }

    @Test
    void feedbackOnCardsThisServiceNeverIssuedIsKeptApartFromTheRules() {
        Instant from = Instant.now();
        cardShownAndOverridden("tumour-board");
        ObjectNode feedback = JSON.createObjectNode();
        feedback.putArray("feedback")
                .addObject()
                .put("card", "never-issued-" + UUID.randomUUID())
                .put("outcome", "overridden")
                .put("outcomeTimestamp", Instant.now().toString());
        assertThat(client.post("/cds-services/lms-patient-view/feedback", feedback)
                        .status())
                .isEqualTo(200);
        String window = "?from=" + from + "&to=" + Instant.now().plusSeconds(60);

        JsonNode json = summary(window, "Authorization", "Bearer " + TOKEN).json();
        assertThat(json.path("rules")
                        .valueStream()
                        .map(rule -> rule.path("ruleId").asString()))
                .contains(RULE)
                .doesNotContain("(unknown card)");
        assertThat(json.path("unknownCards").path("ruleId").asString()).isEqualTo("(unknown card)");
        assertThat(json.path("unknownCards").path("overridden").asLong()).isEqualTo(1);
        assertThat(json.path("unknownCards").properties().stream().map(Map.Entry::getKey))
                .as("the same fields as a rule's entry, nothing more")
                .containsExactlyInAnyOrder("ruleId", "shown", "accepted", "overridden", "overrideReasons");
        assertThat(RestartScenario.ruleEntry(json, RULE).properties().stream().map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("ruleId", "shown", "accepted", "overridden", "overrideReasons");
        assertThat(RestartScenario.ruleEntry(json, RULE).path("overridden").asLong())
                .isEqualTo(1);

        String csv = summary(window + "&format=csv", "Authorization", "Bearer " + TOKEN)
                .body();
        assertThat(csv.lines().toList()).last().asString().startsWith("(unknown card),0,0,1,");
    }

    @Test
    void csvCellsASpreadsheetWouldRunAreNeutralised() {
        assertThat(FeedbackSummaryController.SummaryCsv.cell("=HYPERLINK(\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        for (String formula : new String[] {"+1", "-1", "@SUM(A1)", "\t=1", "\r=1"}) {
            assertThat(FeedbackSummaryController.SummaryCsv.cell(formula))
                    .as(formula)
                    .isEqualTo("\"'" + formula + "\"");
        }
        assertThat(FeedbackSummaryController.SummaryCsv.cell("tumour-board")).isEqualTo("tumour-board");
    }

    @Test
    void logsAreEcsJsonWithTheHookInstanceAndNoPatientId(CapturedOutput output) {
        String hookInstance = cardShownAndOverridden("tumour-board");
        String hookLine = output.getOut()
                .lines()
                .filter(line -> line.contains("hook service=lms-patient-view") && line.contains(hookInstance))
                .findFirst()
                .orElseThrow();
        JsonNode json = JSON.readTree(hookLine);
        assertThat(json.path("hookInstance").asString()).isEqualTo(hookInstance);
        assertThat(json.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(json.has("@timestamp")).isTrue();
        assertThat(output.getOut()).doesNotContain("lms-uterine-on-pazopanib");
    }

    /**
     * The example's prefetch carries its labs under one key {@code labs}; the service asks for each test under its own
     * key (hooks/prefetch.json), and drafts regorafenib only on recent total bilirubin, AST and ALT.
     */
    /** No orders are drafted while pazopanib is the current line: in this request it stopped for progression. */
    private static void pazopanibStoppedForProgression(ObjectNode request) {
        for (JsonNode entry : request.path("prefetch").path("medrequests").path("entry")) {
            ObjectNode resource = (ObjectNode) entry.path("resource");
            if (resource.path("id").asString().equals("f02-mr-pazopanib")) {
                resource.put("status", "stopped");
                resource.putObject("statusReason").put("text", "Disease progression");
            }
        }
    }
}
