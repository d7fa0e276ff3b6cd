package org.sarcomacds.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.UUID;
import org.sarcomacds.demo.InMemoryFhir;
import org.sarcomacds.support.CardRules;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Hook calls for fixture {@code lms-uterine-on-pazopanib} and the checks the record tests share. */
final class HookCalls {

    static final String TOKEN = "record-test-token-" + UUID.randomUUID();
    static final String TRABECTEDIN = "LMS-TRABECTEDIN-NEXT-LINE";
    static final String GEMCITABINE_PAZOPANIB = "LMS-AVOID-GEMCITABINE-PAZOPANIB";
    static final Fixture FIXTURE = Fixture.all().stream()
            .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
            .findFirst()
            .orElseThrow();
    static final String PATIENT = FIXTURE.patientId();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private HookCalls() {}

    /** A hook call with the fixture's context; with {@code fhirServer}, also the client's token. */
    static ObjectNode request(String hook, ObjectNode prefetch, String fhirServer) {
        ObjectNode request = JSON.createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", hook);
        if (fhirServer != null) {
            request.put("fhirServer", fhirServer);
            request.putObject("fhirAuthorization")
                    .put("access_token", TOKEN)
                    .put("token_type", "Bearer")
                    .put("expires_in", 300)
                    .put("scope", "patient/*.read")
                    .put("subject", "sarcoma-cds");
        }
        request.set("context", FIXTURE.context(hook).orElseThrow());
        if (prefetch != null) {
            request.set("prefetch", prefetch);
        }
        return request;
    }

    /** The prefetch a client honouring every template sends, without {@code fetched}: those the service fetches. */
    static ObjectNode prefetchWithout(HookClient client, List<String> fetched) {
        InMemoryFhir fhir = new InMemoryFhir(FIXTURE.record());
        ObjectNode prefetch = JSON.createObjectNode();
        client.templates("lms-patient-view").forEach((key, template) -> {
            if (!fetched.contains(key)) {
                prefetch.set(
                        key,
                        fhir.answer(template.replace("{{context.patientId}}", PATIENT), "http://ehr.test/fhir")
                                .orElse(null));
            }
        });
        return prefetch;
    }

    static JsonNode ok(HookClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).as("the token never appears in an answer").doesNotContain(TOKEN);
        JsonNode json = reply.json();
        assertValidResponse(json);
        return json;
    }

    static JsonNode assertPreconditionFailed(HookClient.Reply reply, String key) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(412);
        assertThat(reply.body()).doesNotContain(TOKEN);
        JsonNode outcome = reply.json();
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("severity").asString()).isEqualTo("error");
        assertThat(outcome.path("issue").get(0).path("diagnostics").asString()).contains(key + ":");
        return outcome;
    }

    /** The rules of the answer's cards, with the options of the next-line consult (see {@link CardRules}). */
    static List<String> ruleIds(JsonNode response) {
        return CardRules.ruleIds(response);
    }

    static JsonNode cardOf(JsonNode response, String ruleId) {
        return CardRules.card(response, ruleId);
    }

    static String detail(JsonNode response, int card) {
        return response.path("cards").get(card).path("detail").asString();
    }

    static ResponseDefinitionBuilder fhir(int status, JsonNode body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/fhir+json")
                .withBody(body.toString());
    }

    static ObjectNode operationOutcome(String severity) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue")
                .addObject()
                .put("severity", severity)
                .put("code", "exception")
                .put("diagnostics", "the EHR could not run this query");
        return outcome;
    }

    static ObjectNode searchset() {
        return JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    }

    /** The fixture's LMS and metastasis Conditions, in one searchset page. */
    static ObjectNode conditionsBundle() {
        ObjectNode bundle = searchset();
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().set("resource", resource("Condition", "f02-cond-lms"));
        entries.addObject().set("resource", resource("Condition", "f02-cond-liver-mets"));
        return bundle;
    }

    static JsonNode resource(String type, String id) {
        for (JsonNode entry : FIXTURE.record().path("entry")) {
            JsonNode r = entry.path("resource");
            if (r.path("resourceType").asString("").equals(type)
                    && r.path("id").asString("").equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException(type + "/" + id);
    }
}
