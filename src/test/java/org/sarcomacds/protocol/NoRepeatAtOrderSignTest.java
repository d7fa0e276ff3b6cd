package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sarcomacds.demo.InMemoryFhir;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A warning the clinician answered at order-select is not shown again at order-sign for the same draft orders, patient,
 * encounter and user when it says the same (the coordination of the HL7 PDDI CDS implementation guide), through the
 * real HTTP path: the fixture patient drafting gemcitabine and pazopanib, read by the service from the demo FHIR
 * endpoint, and the trabectedin pre-dose warning, prefetched, whose sign card names a criterion that failed since.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoRepeatAtOrderSignTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RULE = "LMS-AVOID-GEMCITABINE-PAZOPANIB";
    private static final Fixture PATIENT = fixture("lms-drafts-gemcitabine-and-pazopanib");
    /** Trabectedin drafted with LVEF 40%: the pre-dose warning "not met (LVEF)" on both order hooks. */
    private static final Fixture LVEF_LOW = fixture("lms-trabectedin-order-lvef-low");

    private static final String SAFETY = "LMS-TRABECTEDIN-SAFETY";

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

    /**
     * Review 12, finding 4: the clinician overrides "pre-dose checks not met (LVEF)" at order-select; before sign the
     * record gains an ANC of 600/µL. The sign card names a criterion the clinician never saw, so it is shown; the
     * unchanged card is not.
     */
    @Test
    void aSignCardNamingANewFailedCriterionIsShownTheUnchangedOneIsNot() {
        String encounter = "Encounter/" + UUID.randomUUID();
        JsonNode select = post("lms-order-select", prefetched("order-select", encounter, LVEF_LOW.record()));
        JsonNode overridden = card(select, SAFETY);
        assertThat(overridden.path("summary").asString()).endsWith("not met (LVEF)");
        answer(overridden.path("uuid").asString());

        assertThat(rules(post("lms-order-sign", prefetched("order-sign", encounter, LVEF_LOW.record()))))
                .as("the same card at sign")
                .doesNotContain(SAFETY);

        JsonNode withLowAnc = post("lms-order-sign", prefetched("order-sign", encounter, ancOf(0.6)));
        assertThat(card(withLowAnc, SAFETY).path("summary").asString())
                .as("ANC 600/µL recorded after the override")
                .endsWith("not met (ANC, LVEF)");
        assertThat(card(withLowAnc, SAFETY).path("indicator").asString()).isEqualTo("warning");

        assertThat(rules(post("lms-order-sign", prefetched("order-sign", encounter, LVEF_LOW.record()))))
                .as("the unchanged card is still the one answered")
                .doesNotContain(SAFETY);
    }

    /** A call with the whole record prefetched, so that each call may see another record. */
    private ObjectNode prefetched(String hook, String encounter, JsonNode record) {
        ObjectNode context = (ObjectNode) LVEF_LOW.context(hook).orElseThrow().deepCopy();
        context.put("encounterId", encounter);
        ObjectNode request = JSON.createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", hook);
        request.set("context", context);
        InMemoryFhir fhir = new InMemoryFhir(record);
        ObjectNode prefetch = request.putObject("prefetch");
        new HookClient(port)
                .templates("lms-" + hook)
                .forEach((key, template) -> prefetch.set(
                        key,
                        fhir.answer(
                                        template.replace("{{context.patientId}}", LVEF_LOW.patientId()),
                                        "http://ehr.test/fhir")
                                .orElseThrow()));
        return request;
    }

    /** The fixture's record with its neutrophil count replaced (10*3/uL). */
    private static JsonNode ancOf(double value) {
        JsonNode record = LVEF_LOW.record().deepCopy();
        for (JsonNode entry : record.path("entry")) {
            if (entry.path("resource").path("id").asString("").equals("f43-obs-anc")) {
                ((ObjectNode) entry.path("resource").path("valueQuantity")).put("value", value);
                return record;
            }
        }
        throw new AssertionError("no f43-obs-anc in " + LVEF_LOW);
    }

    private static JsonNode card(JsonNode response, String rule) {
        for (JsonNode card : response.path("cards")) {
            if (card.path("source").path("topic").path("code").asString().equals(rule)) {
                return card;
            }
        }
        throw new AssertionError("no " + rule + " in " + response);
    }

    private static Fixture fixture(String id) {
        return Fixture.all().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    /** The order-select warning's uuid. */
    private String warningAtSelect(String encounter, Boolean cacheForSign) {
        ObjectNode request = request("order-select", encounter, "Practitioner/onc-1");
        if (cacheForSign != null) {
            request.putObject("extension")
                    .putObject("pddi-configuration-items")
                    .put("cache-for-order-sign-filtering", cacheForSign);
        }
        return card(post("lms-order-select", request), RULE).path("uuid").asString();
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
