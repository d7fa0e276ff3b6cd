package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw HTTP for protocol tests: any method, Content-Type, body or header (HookClient only sends well-formed JSON),
 * plus builders for minimal valid hook requests and the checks every error answer must pass.
 */
final class ProtocolHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;

    ProtocolHttp(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    Answer postJson(String path, String body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer postJson(String path, JsonNode body) {
        return postJson(path, body.toString());
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer with its headers. */
    record Answer(int status, HttpHeaders headers, String body) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers.map() + "\n" + body;
        }
    }

    /**
     * Checks an error answer: the status, an OperationOutcome as {@code application/fhir+json} whose first
     * diagnostic contains every phrase, and nothing that looks like a stack trace. Returns the diagnostic.
     */
    static String assertOperationOutcome(Answer answer, int status, String... phrases) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).as("error content type").startsWith("application/fhir+json");
        assertThat(answer.body())
                .as("no stack trace in the error body")
                .doesNotContain("at org.", "Exception", "java.", "\tat ");
        JsonNode outcome = answer.json();
        assertThat(outcome.path("resourceType").asString("")).isEqualTo("OperationOutcome");
        String diagnostics = outcome.path("issue").path(0).path("diagnostics").asString("");
        assertThat(diagnostics).as("issue[0].diagnostics").isNotBlank();
        assertThat(outcome.path("issue").path(0).path("severity").asString("")).isIn("error", "fatal");
        assertThat(outcome.path("issue").path(0).path("code").asString("")).isNotBlank();
        for (String phrase : phrases) {
            assertThat(diagnostics).as("diagnostic of " + answer.status()).containsIgnoringCase(phrase);
        }
        return diagnostics;
    }

    /** A minimal patient-view call that the service answers 200: the required prefetch keys say "no data". */
    static ObjectNode patientView() {
        ObjectNode request = base("patient-view");
        request.putObject("context").put("patientId", "pat-1").put("userId", "Practitioner/prac-1");
        noDataPrefetch(request);
        return request;
    }

    /** A minimal order-sign call with one draft MedicationRequest, answered 200. */
    static ObjectNode orderSign() {
        ObjectNode request = base("order-sign");
        ObjectNode context =
                request.putObject("context").put("patientId", "pat-1").put("userId", "Practitioner/prac-1");
        context.set("draftOrders", draftBundle(draftMedicationRequest("draft-1")));
        noDataPrefetch(request);
        return request;
    }

    /** A minimal order-select call with one selected draft MedicationRequest, answered 200. */
    static ObjectNode orderSelect() {
        ObjectNode request = base("order-select");
        ObjectNode context =
                request.putObject("context").put("patientId", "pat-1").put("userId", "Practitioner/prac-1");
        context.putArray("selections").add("MedicationRequest/draft-1");
        context.set("draftOrders", draftBundle(draftMedicationRequest("draft-1")));
        noDataPrefetch(request);
        return request;
    }

    static ObjectNode draftBundle(JsonNode... resources) {
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (JsonNode resource : resources) {
            entries.addObject().set("resource", resource);
        }
        return bundle;
    }

    static ObjectNode draftMedicationRequest(String id) {
        ObjectNode draft = JSON.createObjectNode()
                .put("resourceType", "MedicationRequest")
                .put("id", id)
                .put("status", "draft")
                .put("intent", "order");
        draft.putObject("medicationCodeableConcept")
                .put("text", "paracetamol 500 mg tablet")
                .putArray("coding")
                .addObject()
                .put("system", "http://www.nlm.nih.gov/research/umls/rxnorm")
                .put("code", "161")
                .put("display", "acetaminophen");
        draft.putObject("subject").put("reference", "Patient/pat-1");
        return draft;
    }

    private static ObjectNode base(String hook) {
        return JSON.createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", hook);
    }

    /** Prefetch null means "the client has no data": the required keys are satisfied without any FHIR server. */
    private static void noDataPrefetch(ObjectNode request) {
        ObjectNode prefetch = request.putObject("prefetch");
        prefetch.putNull("conditions");
        prefetch.putNull("medstatements");
        prefetch.putNull("medrequests");
    }
}
