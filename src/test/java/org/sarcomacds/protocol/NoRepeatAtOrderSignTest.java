package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A warning the clinician answered at order-select is not shown again at order-sign for the same draft orders, patient,
 * encounter and user (the coordination of the HL7 PDDI CDS implementation guide), through the real HTTP path: the
 * fixture patient drafting gemcitabine and pazopanib, read by the service from the demo FHIR endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoRepeatAtOrderSignTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RULE = "LMS-AVOID-GEMCITABINE-PAZOPANIB";
    private static final Fixture PATIENT = Fixture.all().stream()
            .filter(f -> f.id().equals("lms-drafts-gemcitabine-and-pazopanib"))
            .findFirst()
            .orElseThrow();

    @LocalServerPort
    int port;

    @Test
    void aWarningAnsweredAtSelectIsNotRepeatedAtSign() {
        String encounter = "Encounter/" + UUID.randomUUID();
        String card = warningAtSelect(encounter, null);
        answer(card);

        assertThat(rules(sign(encounter, "Practitioner/onc-1", null))).doesNotContain(RULE);
    }

    @Test
    void itIsShownAgainWhenItWasNotAnswered() {
        String encounter = "Encounter/" + UUID.randomUUID();
        warningAtSelect(encounter, null);

        assertThat(rules(sign(encounter, "Practitioner/onc-1", null))).contains(RULE);
    }

    @Test
    void itIsShownAgainInAnotherEncounterOrToAnotherUser() {
        String encounter = "Encounter/" + UUID.randomUUID();
        answer(warningAtSelect(encounter, null));

        assertThat(rules(sign("Encounter/" + UUID.randomUUID(), "Practitioner/onc-1", null)))
                .contains(RULE);
        assertThat(rules(sign(encounter, "Practitioner/attending-2", null))).contains(RULE);
    }

    @Test
    void theClientDecidesWithThePddiConfigurationItems() {
        String encounter = "Encounter/" + UUID.randomUUID();
        answer(warningAtSelect(encounter, null));
        assertThat(rules(sign(encounter, "Practitioner/onc-1", false)))
                .as("filter-out-repeated-alerts false")
                .contains(RULE);

        String uncached = "Encounter/" + UUID.randomUUID();
        answer(warningAtSelect(uncached, false));
        assertThat(rules(sign(uncached, "Practitioner/onc-1", true)))
                .as("cache-for-order-sign-filtering false at select")
                .contains(RULE);
    }

    /** The order-select warning's uuid. */
    private String warningAtSelect(String encounter, Boolean cacheForSign) {
        ObjectNode request = request("order-select", encounter, "Practitioner/onc-1");
        if (cacheForSign != null) {
            request.putObject("extension")
                    .putObject("pddi-configuration-items")
                    .put("cache-for-order-sign-filtering", cacheForSign);
        }
        JsonNode cards = post("lms-order-select", request);
        for (JsonNode card : cards.path("cards")) {
            if (card.path("source").path("topic").path("code").asString().equals(RULE)) {
                return card.path("uuid").asString();
            }
        }
        throw new AssertionError("no " + RULE + " at order-select: " + cards);
    }

    private void answer(String card) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("feedback")
                .addObject()
                .put("card", card)
                .put("outcome", "overridden")
                .put("outcomeTimestamp", Instant.now().toString());
        assertThat(new HookClient(port)
                        .post("/cds-services/lms-order-select/feedback", body)
                        .status())
                .isEqualTo(200);
    }

    private JsonNode sign(String encounter, String user, Boolean filterRepeated) {
        ObjectNode request = request("order-sign", encounter, user);
        if (filterRepeated != null) {
            request.putObject("extension")
                    .putObject("pddi-configuration-items")
                    .put("filter-out-repeated-alerts", filterRepeated);
        }
        return post("lms-order-sign", request);
    }

    private ObjectNode request(String hook, String encounter, String user) {
        ObjectNode context = (ObjectNode) PATIENT.context(hook).orElseThrow().deepCopy();
        context.put("encounterId", encounter).put("userId", user);
        ObjectNode request = JSON.createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", hook)
                .put("fhirServer", "http://127.0.0.1:" + port + "/fhir");
        request.set("context", context);
        return request;
    }

    private JsonNode post(String service, ObjectNode request) {
        HookClient.Reply reply = new HookClient(port).post("/cds-services/" + service, request);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> rules(JsonNode response) {
        return response.path("cards")
                .valueStream()
                .map(card -> card.path("source").path("topic").path("code").asString())
                .toList();
    }
}
