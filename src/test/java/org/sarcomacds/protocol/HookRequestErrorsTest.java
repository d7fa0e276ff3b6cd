package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.ProtocolHttp.JSON;
import static org.sarcomacds.protocol.ProtocolHttp.assertOperationOutcome;
import static org.sarcomacds.protocol.ProtocolHttp.draftBundle;
import static org.sarcomacds.protocol.ProtocolHttp.orderSelect;
import static org.sarcomacds.protocol.ProtocolHttp.orderSign;
import static org.sarcomacds.protocol.ProtocolHttp.patientView;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every way a hook call can be wrong gets its own status and an OperationOutcome whose diagnostic says what is
 * wrong, never a stack trace. Each case starts from a request the service answers 200 and breaks one thing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HookRequestErrorsTest {

    private static final String PATIENT_VIEW = "/cds-services/lms-patient-view";
    private static final String ORDER_SELECT = "/cds-services/lms-order-select";
    private static final String ORDER_SIGN = "/cds-services/lms-order-sign";

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeEach
    void client() {
        http = new ProtocolHttp(port);
    }

    // --- the baselines the other cases break ---

    @Test
    void baselineRequestsAreAnswered200() {
        assertAccepted(http.postJson(PATIENT_VIEW, patientView()));
        assertAccepted(http.postJson(ORDER_SELECT, orderSelect()));
        assertAccepted(http.postJson(ORDER_SIGN, orderSign()));
    }

    // --- body and transport ---

    @Test
    void malformedJsonIs400() {
        assertOperationOutcome(
                http.postJson(PATIENT_VIEW, "{\"hook\": \"patient-view\", \"context\": {"), 400, "not valid JSON");
    }

    @Test
    void jsonArrayBodyIs400() {
        assertOperationOutcome(http.postJson(PATIENT_VIEW, "[" + patientView() + "]"), 400, "must be a JSON object");
    }

    @Test
    void jsonScalarBodyIs400() {
        assertOperationOutcome(http.postJson(PATIENT_VIEW, "\"patient-view\""), 400, "must be a JSON object");
    }

    @Test
    void emptyBodyIs400() {
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertOperationOutcome(answer, 400, "empty");
    }

    @Test
    void textPlainContentTypeIs415() {
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(patientView().toString())));
        assertOperationOutcome(answer, 415, "application/json", "text/plain");
    }

    @Test
    void missingContentTypeIs415() {
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                .POST(HttpRequest.BodyPublishers.ofString(patientView().toString())));
        assertOperationOutcome(answer, 415, "application/json");
    }

    @Test
    void fhirJsonAndCharsetContentTypesAreAccepted() {
        for (String type : new String[] {"application/json; charset=utf-8", "application/fhir+json"}) {
            Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(patientView().toString())));
            assertThat(answer.status()).as(type + ": " + answer).isEqualTo(200);
        }
    }

    @Test
    void jsonNested200LevelsDeepIs400() {
        String deep = "[".repeat(200) + "]".repeat(200);
        ObjectNode request = patientView();
        String body = request.toString().replaceFirst("\\{", "{\"deep\":" + deep + ",");
        String diagnostics = assertOperationOutcome(
                http.postJson(PATIENT_VIEW, body), 400, "breaks a limit", "deeper than 64 levels");
        assertThat(diagnostics)
                .as("the client's terms, not the parser's setting")
                .doesNotContain("StreamReadConstraints")
                .doesNotContain("`");
    }

    @Test
    void deepObjectNestingIs400() {
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        assertOperationOutcome(http.postJson(PATIENT_VIEW, deep), 400, "deeper than 64 levels");
    }

    // --- CDS Hooks request fields ---

    @Test
    void missingHookIs400() {
        ObjectNode request = patientView();
        request.remove("hook");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "'hook' is required");
    }

    @Test
    void hookOfAnotherServiceIs400NamingBoth() {
        ObjectNode request = patientView().put("hook", "order-sign");
        assertOperationOutcome(
                http.postJson(PATIENT_VIEW, request), 400, "order-sign", "lms-patient-view", "'patient-view'");
    }

    @Test
    void unknownHookIs400() {
        ObjectNode request = patientView().put("hook", "medication-prescribe");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "medication-prescribe", "patient-view");
    }

    @Test
    void missingHookInstanceIs400() {
        ObjectNode request = patientView();
        request.remove("hookInstance");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "'hookInstance' is required");
    }

    @Test
    void hookInstanceWithAControlCharacterIs400() {
        // stored with the issued cards; PostgreSQL refuses NUL, which failed a whole batch of other calls' cards
        for (String bad : new String[] {"a\u0000b", "tab\there", "line\nbreak"}) {
            ObjectNode request = patientView().put("hookInstance", bad);
            assertOperationOutcome(
                    http.postJson(PATIENT_VIEW, request), 400, "'hookInstance' contains a control character");
        }
    }

    @Test
    void missingContextIs400() {
        ObjectNode request = patientView();
        request.remove("context");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "'context' is required");
    }

    @Test
    void contextThatIsNotAnObjectIs400() {
        ObjectNode request = patientView().put("context", "pat-1");
        assertOperationOutcome(
                http.postJson(PATIENT_VIEW, request), 400, "'context' is required and must be an object");
    }

    @Test
    void missingPatientIdIs400() {
        ObjectNode request = patientView();
        ((ObjectNode) request.path("context")).remove("patientId");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "'context.patientId' is required");
    }

    @Test
    void missingUserIdIs400() {
        ObjectNode request = patientView();
        ((ObjectNode) request.path("context")).remove("userId");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "'context.userId' is required");
    }

    @Test
    void orderSelectWithoutSelectionsIs400() {
        ObjectNode request = orderSelect();
        ((ObjectNode) request.path("context")).remove("selections");
        assertOperationOutcome(http.postJson(ORDER_SELECT, request), 400, "'context.selections' is required");
    }

    @Test
    void orderSignWithoutDraftOrdersIs400() {
        ObjectNode request = orderSign();
        ((ObjectNode) request.path("context")).remove("draftOrders");
        assertOperationOutcome(http.postJson(ORDER_SIGN, request), 400, "'context.draftOrders'", "Bundle");
    }

    @Test
    void orderSignWithDraftOrdersAsAMedicationRequestIs400() {
        ObjectNode request = orderSign();
        ((ObjectNode) request.path("context")).set("draftOrders", ProtocolHttp.draftMedicationRequest("draft-1"));
        assertOperationOutcome(
                http.postJson(ORDER_SIGN, request), 400, "'context.draftOrders'", "must be a FHIR Bundle");
    }

    @Test
    void orderSignWithDraftOrdersAsAStringIs400() {
        ObjectNode request = orderSign();
        ((ObjectNode) request.path("context")).put("draftOrders", "MedicationRequest/draft-1");
        assertOperationOutcome(
                http.postJson(ORDER_SIGN, request), 400, "'context.draftOrders'", "must be a FHIR Bundle");
    }

    @Test
    void draftOrdersHoldingADstu2MedicationOrderIs400NamingR4() {
        ObjectNode medicationOrder = JSON.createObjectNode()
                .put("resourceType", "MedicationOrder")
                .put("id", "order-123")
                .put("status", "draft");
        medicationOrder.putObject("patient").put("reference", "Patient/pat-1");
        medicationOrder.putObject("medicationCodeableConcept").put("text", "Acetaminophen 80 MG Chewable Tablet");
        ObjectNode request = orderSign();
        ((ObjectNode) request.path("context")).set("draftOrders", draftBundle(medicationOrder));
        String diagnostic = assertOperationOutcome(http.postJson(ORDER_SIGN, request), 400, "MedicationOrder", "R4");
        assertThat(diagnostic).contains("MedicationRequest");
    }

    @Test
    void fhirAuthorizationWithoutFhirServerIs400() {
        ObjectNode request = patientView();
        request.putObject("fhirAuthorization")
                .put("access_token", "secret-token-" + UUID.randomUUID())
                .put("token_type", "Bearer")
                .put("expires_in", 300)
                .put("scope", "patient/*.read")
                .put("subject", "sarcoma-cds");
        Answer answer = http.postJson(PATIENT_VIEW, request);
        assertOperationOutcome(answer, 400, "'fhirServer' is required", "fhirAuthorization");
        assertThat(answer.body()).as("the token is never echoed").doesNotContain("secret-token-");
    }

    @Test
    void prefetchThatIsNotAnObjectIs400() {
        ObjectNode request = patientView();
        request.putArray("prefetch");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 400, "'prefetch' must be an object");
    }

    // --- routing ---

    @Test
    void unknownServiceIdIs404() {
        assertOperationOutcome(
                http.postJson("/cds-services/no-such-service", patientView()),
                404,
                "no-such-service",
                "GET /cds-services");
    }

    @Test
    void putOnAServiceIs405WithAllow() {
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(patientView().toString())));
        assertOperationOutcome(answer, 405, "PUT");
        assertThat(answer.header("Allow"))
                .as("Allow header")
                .isNotNull()
                .contains("POST")
                .doesNotContain("PUT");
    }

    @Test
    void deleteOnAServiceIs405WithAllow() {
        Answer answer = ProtocolHttp.send(http.request(PATIENT_VIEW).DELETE());
        assertOperationOutcome(answer, 405, "DELETE");
        assertThat(answer.header("Allow"))
                .as("Allow header")
                .isNotNull()
                .contains("POST")
                .doesNotContain("DELETE");
    }

    @Test
    void getOnAServiceIs405WithAllow() {
        Answer answer = http.get(PATIENT_VIEW);
        assertOperationOutcome(answer, 405, "GET");
        assertThat(answer.header("Allow")).as("Allow header").isNotNull().contains("POST");
    }

    @Test
    void getOnAnUnknownPathIs404() {
        assertOperationOutcome(http.get("/nothing"), 404, "GET /cds-services");
    }

    // --- data ---

    @Test
    void noPrefetchAndNoFhirServerIs412NamingTheMissingKeys() {
        ObjectNode request = patientView();
        request.remove("prefetch");
        assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 412, "conditions", "medstatements", "medrequests");
    }

    @Test
    void oneMissingRequiredKeyIs412NamingOnlyThatKey() {
        ObjectNode request = patientView();
        ((ObjectNode) request.path("prefetch")).remove("medrequests");
        String diagnostic = assertOperationOutcome(http.postJson(PATIENT_VIEW, request), 412, "medrequests");
        assertThat(diagnostic).doesNotContain("conditions", "medstatements");
    }

    // --- what must be tolerated ---

    @Test
    void unknownFieldsAndExtensionsAreIgnored() {
        ObjectNode request = patientView();
        request.put("someVendorField", "x")
                .putObject("extension")
                .put("org.example.trace", "abc")
                .putObject("org.example.nested")
                .putArray("list")
                .add(1);
        ObjectNode context = (ObjectNode) request.path("context");
        context.put("encounterId", "enc-1")
                .putObject("extension")
                .put("com.epic.cdshooks.request.bpa-trigger-action", "23");
        context.putArray("unknownArray").addObject().put("a", 1);
        ((ObjectNode) request.path("prefetch")).putObject("extension").put("org.example.prefetch", true);
        assertAccepted(http.postJson(PATIENT_VIEW, request));

        ObjectNode sign = orderSign();
        sign.putObject("extension").put("org.example.sign", "yes");
        ((ObjectNode) sign.path("context"))
                .putObject("extension")
                .putObject("org.example.deep")
                .put("v", 2);
        ((ObjectNode) sign.path("context")).put("someFlag", true);
        assertAccepted(http.postJson(ORDER_SIGN, sign));
    }

    private static void assertAccepted(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertValidResponse(answer.json());
    }
}
