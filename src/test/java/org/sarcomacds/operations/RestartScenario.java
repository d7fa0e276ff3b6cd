package org.sarcomacds.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.support.CardRules;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service, started, stopped and started again on the same database: the card it issued (queued, and
 * written by the graceful shutdown) and the feedback it answered 200 are still there, attributed to the card's rule,
 * and the admin summary reports them. Run on an H2 file ({@link H2FileRestartTest}) and on PostgreSQL
 * ({@link PostgresRestartIT}).
 */
abstract class RestartScenario {

    private static final String TOKEN = "restart-test-token";
    private static final String RULE = "LMS-NEXT-LINE-OPTIONS";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Command-line arguments that point the service at the database under test. */
    abstract List<String> databaseArguments();

    @Test
    void issuedCardsAndFeedbackSurviveARestart() {
        Instant start;
        ObjectNode feedback;
        try (ConfigurableApplicationContext first = startService()) {
            // Taken once this service is up: the database is shared with the other ITs, and one that ran just before
            // may have issued cards of the same rule a moment ago.
            start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            HookClient client = client(first);
            JsonNode request = Fixture.read(Path.of("docs/examples/patient-view-lms-uterine.json"));
            HookClient.Reply reply = client.post("/cds-services/lms-patient-view", request);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            String card = cardOf(reply.json(), RULE);
            feedback = overridden(card);
            assertThat(client.post("/cds-services/lms-patient-view/feedback", feedback)
                            .status())
                    .isEqualTo(200);
        }
        try (ConfigurableApplicationContext second = startService()) {
            HookClient client = client(second);
            assertThat(client.post("/cds-services/lms-patient-view/feedback", feedback)
                            .status())
                    .as("the same item after the restart is still a repeat")
                    .isEqualTo(200);
            HookClient.Reply summary =
                    client.get("/admin/feedback/summary?from=" + start, "Authorization", "Bearer " + TOKEN);
            assertThat(summary.status()).as(summary.body()).isEqualTo(200);
            JsonNode rule = ruleEntry(summary.json(), RULE);
            assertThat(rule.path("shown").asLong()).isEqualTo(1);
            assertThat(rule.path("overridden").asLong())
                    .as("one item, though sent twice")
                    .isEqualTo(1);
            assertThat(rule.path("accepted").asLong()).isZero();
            assertThat(rule.path("overrideReasons").path("already-considered").asLong())
                    .isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext startService() {
        // Issued cards would wait ten minutes for their batch: only the graceful shutdown can write them in time.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--cds.admin.token=" + TOKEN,
                "--spring.main.banner-mode=off",
                "--cds.store.issued-max-delay=10m"));
        args.addAll(databaseArguments());
        return new SpringApplicationBuilder(SarcomaCdsApplication.class).run(args.toArray(String[]::new));
    }

    private static HookClient client(ConfigurableApplicationContext context) {
        return new HookClient(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static ObjectNode overridden(String card) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode item = body.putArray("feedback")
                .addObject()
                .put("card", card)
                .put("outcome", "overridden")
                .put("outcomeTimestamp", Instant.now().toString());
        item.putObject("overrideReason")
                .putObject("reason")
                .put("code", "already-considered")
                .put("system", "https://sarcomacds.org/fhir/CodeSystem/override-reason");
        return body;
    }

    /** The uuid of the card of this rule, or of the consult that lists it as an option. */
    static String cardOf(JsonNode response, String ruleId) {
        return CardRules.cardUuid(response, ruleId);
    }

    static JsonNode ruleEntry(JsonNode summary, String ruleId) {
        for (JsonNode rule : summary.path("rules")) {
            if (rule.path("ruleId").asString("").equals(ruleId)) {
                return rule;
            }
        }
        throw new AssertionError("no entry for " + ruleId + " in " + summary);
    }

    static String uniqueName() {
        return UUID.randomUUID().toString();
    }
}
