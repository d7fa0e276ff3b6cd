package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.SocketFhirServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A number where FHIR has text, or a number no FHIR value needs ({@code 1E999999999}: eleven characters, a billion
 * digits written out), in the prefetch, in the draft orders or in a FHIR server's answer: 400 for the client's own
 * data, the fetch refused for a server's (412 for a required key, a note on the card for an optional one), never a
 * string of a billion characters. The bodies are written as text, since a JSON library would not write such numbers.
 * {@code SmallHeapCheck} sends the same numbers to the packaged jar under -Xmx256m.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileNumbersTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Fixture FIXTURE = Fixture.all().stream()
            .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
            .findFirst()
            .orElseThrow();
    static final SocketFhirServer EHR = new SocketFhirServer(SocketFhirServer.Closes.NEVER);
    static final String PLACE = "\"@number@\"";

    @LocalServerPort
    int port;

    private HookClient client;

    @AfterAll
    static void stop() {
        EHR.close();
    }

    @BeforeEach
    void setUp() {
        client = new HookClient(port);
    }

    /** A hook call with {@code "@number@"} somewhere, written out with the raw number in its place. */
    static String withNumber(ObjectNode call, String number) {
        String text = call.toString();
        assertThat(text).contains(PLACE);
        return text.replace(PLACE, number);
    }

    private static String diagnostics(HookClient.Reply reply) {
        JsonNode outcome = reply.json();
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        return outcome.path("issue").get(0).path("diagnostics").asString();
    }

    @Test
    void hugeExponentInThePrefetchIs400() {
        for (String number : new String[] {"1E999999999", "1E2147483647", "-1e-999999999", "0E+2147483647"}) {
            ObjectNode call = FIXTURE.call("patient-view");
            call.putObject("prefetch").putObject("patient").put("resourceType", "@number@");

            HookClient.Reply reply = client.post("/cds-services/lms-patient-view", withNumber(call, number));

            assertThat(reply.status()).as(number + ": " + reply.body()).isEqualTo(400);
            assertThat(diagnostics(reply)).contains("exponent beyond ±1000");
        }
    }

    @Test
    void longDigitStringIs400() {
        ObjectNode call = FIXTURE.call("patient-view");
        call.putObject("prefetch")
                .putObject("patient")
                .put("resourceType", "Patient")
                .put("id", "@number@");

        HookClient.Reply reply = client.post("/cds-services/lms-patient-view", withNumber(call, "9".repeat(5000)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(diagnostics(reply)).contains("a number is longer than 100 characters");
    }

    @Test
    void numberWhereFhirHasTextInThePrefetchIs400NamingTheElement() {
        ObjectNode call = FIXTURE.call("patient-view");
        ObjectNode condition = call.putObject("prefetch")
                .putObject("conditions")
                .put("resourceType", "Bundle")
                .putArray("entry")
                .addObject()
                .putObject("resource")
                .put("resourceType", "Condition");
        condition.putObject("code").putArray("coding").addObject().put("code", "@number@");

        HookClient.Reply reply = client.post("/cds-services/lms-patient-view", withNumber(call, "1163022006"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(diagnostics(reply))
                .contains("prefetch key 'conditions'")
                .contains("'code' of a Condition is a number");
    }

    @Test
    void numberInADraftOrdersStatusIs400() {
        String[][] cases = {
            {"1E999999999", "exponent beyond ±1000"},
            {"5", "'context.draftOrders' is not a FHIR R4 Bundle: 'status' of a MedicationRequest is a number"}
        };
        for (String[] c : cases) {
            ObjectNode call = FIXTURE.call("order-select");
            ObjectNode context = (ObjectNode) call.get("context");
            ObjectNode draft =
                    (ObjectNode) context.get("draftOrders").path("entry").get(0).path("resource");
            draft.put("status", "@number@");

            HookClient.Reply reply = client.post("/cds-services/lms-order-select", withNumber(call, c[0]));

            assertThat(reply.status()).as(c[0] + ": " + reply.body()).isEqualTo(400);
            assertThat(diagnostics(reply)).contains(c[1]);
        }
    }

    @Test
    void hugeExponentInAFhirServersAnswerIsRefusedAndTheServiceAnswers() {
        String hostile = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Observation\",\"status\":1E999999999}}]}";
        EHR.answering(query -> new SocketFhirServer.Answer(200, hostile.getBytes(StandardCharsets.UTF_8)));
        ObjectNode call = FIXTURE.call("patient-view");
        call.put("fhirServer", EHR.baseUrl());
        ObjectNode prefetch = call.putObject("prefetch");
        // the required keys are sent; every optional one is fetched from the hostile server
        for (String key : new String[] {"conditions", "medstatements", "medrequests"}) {
            prefetch.set(key, bundleOf(key));
        }

        HookClient.Reply reply = client.post("/cds-services/lms-patient-view", call);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body())
                .contains("LMS-TRABECTEDIN-NEXT-LINE")
                .contains("weight (the FHIR server's answer breaks a limit: a number has an exponent beyond");

        prefetch.remove("conditions");
        HookClient.Reply required = client.post("/cds-services/lms-patient-view", call);

        assertThat(required.status()).as(required.body()).isEqualTo(412);
        assertThat(diagnostics(required)).contains("conditions: the FHIR server's answer breaks a limit");
    }

    /** The fixture's resources a required key's template asks for. */
    private static JsonNode bundleOf(String key) {
        String type = switch (key) {
            case "conditions" -> "Condition";
            case "medstatements" -> "MedicationStatement";
            default -> "MedicationRequest";
        };
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        var entries = bundle.putArray("entry");
        FIXTURE.record().path("entry").forEach(entry -> {
            JsonNode resource = entry.path("resource");
            String resourceType = resource.path("resourceType").asString("");
            if (resourceType.equals(type) || (!key.equals("conditions") && resourceType.equals("Medication"))) {
                entries.addObject().set("resource", resource);
            }
        });
        return bundle;
    }
}
