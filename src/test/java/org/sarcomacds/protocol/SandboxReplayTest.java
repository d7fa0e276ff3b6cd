package org.sarcomacds.protocol;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.protocol.ProtocolHttp.JSON;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.protocol.ProtocolHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays what the public CDS Hooks sandbox really sent (captured in {@code src/test/resources/sandbox-requests/},
 * see its README): partial prefetch, no {@code fhirAuthorization}, and a draft MedicationRequest that is not
 * valid R4. The capture's {@code fhirServer} is replaced by a WireMock FHIR server on loopback that answers
 * {@code Patient/lms-1} and, for every search, an empty searchset Bundle; the service must fill the missing
 * prefetch keys from it without sending any Authorization header.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxReplayTest {

    private static final WireMockServer FHIR = new WireMockServer(
            WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    private static final String EMPTY_SEARCHSET = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}";
    private static final String NOT_FOUND = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
            + "\"code\":\"not-found\",\"diagnostics\":\"not stubbed\"}]}";

    @LocalServerPort
    int port;

    private ProtocolHttp http;

    @BeforeAll
    static void startFhir() {
        FHIR.start();
    }

    @AfterAll
    static void stopFhir() {
        FHIR.stop();
    }

    @BeforeEach
    void stubFhir() {
        http = new ProtocolHttp(port);
        FHIR.resetAll();
        JsonNode patient =
                resource("sandbox-patient-view-request.json").path("prefetch").path("patient");
        assertThat(patient.path("id").asString("")).isEqualTo("lms-1");
        FHIR.stubFor(any(urlPathMatching("/.*"))
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/fhir+json")
                        .withBody(NOT_FOUND)));
        FHIR.stubFor(get(urlPathMatching("/fhir/[A-Z][A-Za-z]+"))
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/fhir+json")
                        .withBody(EMPTY_SEARCHSET)));
        FHIR.stubFor(get(urlPathEqualTo("/fhir/Patient/lms-1"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/fhir+json")
                        .withBody(patient.toString())));
    }

    private static String fhirBase() {
        return "http://127.0.0.1:" + FHIR.port() + "/fhir";
    }

    static ObjectNode resource(String name) {
        try (InputStream in = SandboxReplayTest.class.getResourceAsStream("/sandbox-requests/" + name)) {
            assertThat(in).as("test resource sandbox-requests/" + name).isNotNull();
            return (ObjectNode) JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A captured request, pointed at the WireMock FHIR server. */
    private static ObjectNode captured(String name) {
        ObjectNode request = resource(name);
        assertThat(request.has("fhirAuthorization"))
                .as("the sandbox sent no fhirAuthorization")
                .isFalse();
        request.put("fhirServer", fhirBase());
        return request;
    }

    private JsonNode call(String serviceId, JsonNode request) {
        Answer answer = http.postJson("/cds-services/" + serviceId, request);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertValidResponse(answer.json());
        return answer.json();
    }

    private static List<String> requestedPaths() {
        List<String> paths = new ArrayList<>();
        FHIR.getAllServeEvents().forEach(e -> paths.add(e.getRequest().getMethod() + " " + path(e.getRequest())));
        return paths;
    }

    private static String path(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static void assertFetchesWereOpenAndStubbed() {
        assertThat(FHIR.findAllUnmatchedRequests())
                .as("unmatched FHIR requests")
                .isEmpty();
        FHIR.getAllServeEvents().forEach(e -> {
            LoggedRequest request = e.getRequest();
            assertThat(request.containsHeader("Authorization"))
                    .as("no fhirAuthorization, so no Authorization header on " + request.getUrl())
                    .isFalse();
            assertThat(e.getResponse().getStatus())
                    .as("answered " + request.getUrl())
                    .isEqualTo(200);
            if (!path(request).equals("/fhir/Patient/lms-1")) {
                assertThat(request.queryParameter("patient").firstValue())
                        .as("search of " + request.getUrl())
                        .isEqualTo("lms-1");
            }
        });
    }

    @Test
    void theCapturedRequestsCarryOnlySomeOfOurPrefetchKeys() {
        List<String> patientView = new ArrayList<>();
        resource("sandbox-patient-view-request.json")
                .path("prefetch")
                .propertyNames()
                .forEach(patientView::add);
        assertThat(patientView).containsExactlyInAnyOrder("patient", "conditions", "medstatements");
        List<String> orderSelect = new ArrayList<>();
        resource("sandbox-order-select-request.json")
                .path("prefetch")
                .propertyNames()
                .forEach(orderSelect::add);
        assertThat(orderSelect).containsExactlyInAnyOrder("conditions", "medstatements");
    }

    @Test
    void patientViewReplayIs200AndFetchesOnlyWhatWasNotPrefetched() {
        call("lms-patient-view", captured("sandbox-patient-view-request.json"));

        assertFetchesWereOpenAndStubbed();
        assertThat(requestedPaths())
                .as(
                        "medrequests, the 15 lab, measurement, ECOG, pregnancy and hCG keys and genomics were not prefetched")
                .containsExactlyInAnyOrderElementsOf(withObservationSearches("GET /fhir/MedicationRequest"));
    }

    @Test
    void orderSelectReplayIs200AndReadsThePatient() {
        JsonNode response = call("lms-order-select", captured("sandbox-order-select-request.json"));

        assertThat(response.path("cards").isEmpty())
                .as("acetaminophen draft: no advice")
                .isTrue();
        assertFetchesWereOpenAndStubbed();
        assertThat(requestedPaths())
                .as(
                        "patient, medrequests, the 15 lab, measurement, ECOG, pregnancy and hCG keys and genomics were not prefetched")
                .containsExactlyInAnyOrderElementsOf(
                        withObservationSearches("GET /fhir/Patient/lms-1", "GET /fhir/MedicationRequest"));
    }

    /** The given requests plus one Observation search per observation key (15) and genomics. */
    private static List<String> withObservationSearches(String... others) {
        List<String> expected = new ArrayList<>(List.of(others));
        expected.addAll(Collections.nCopies(16, "GET /fhir/Observation"));
        return expected;
    }

    @Test
    void draftWithSingleObjectCategoryAndReasonCodeIs200() {
        ObjectNode draft = resource("sandbox-draft-medicationrequest.json");
        assertThat(draft.path("category").isObject())
                .as("category is an object, not an array")
                .isTrue();
        assertThat(draft.path("reasonCode").isObject())
                .as("reasonCode is an object, not an array")
                .isTrue();

        call("lms-order-select", orderSelectWithDraft(draft, false));
        assertFetchesWereOpenAndStubbed();
    }

    @Test
    void draftWithSingleObjectFieldsIsStillReadForItsMedication() {
        ObjectNode draft = resource("sandbox-draft-medicationrequest.json");
        draft.set(
                "medicationCodeableConcept",
                JSON.readTree(
                        "{\"text\":\"pazopanib 200 mg tablet\",\"coding\":[{"
                                + "\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"714438\",\"display\":\"pazopanib\"}]}"));

        JsonNode response = call("lms-order-select", orderSelectWithDraft(draft, true));

        assertThat(response.path("cards").size()).as(response.toString()).isEqualTo(1);
        JsonNode card = response.path("cards").path(0);
        assertThat(card.path("source").path("topic").path("code").asString(""))
                .isEqualTo("LMS-AVOID-GEMCITABINE-PAZOPANIB");
        assertThat(card.path("suggestions")
                        .path(0)
                        .path("actions")
                        .path(0)
                        .path("resourceId")
                        .asString(""))
                .isEqualTo("MedicationRequest/request-123");
    }

    @Test
    void firstOrderSelectOfASessionWithNoMedicationIs200WithNoCards() {
        ObjectNode draft = resource("sandbox-draft-medicationrequest.json");
        draft.remove("medicationCodeableConcept");
        assertThat(draft.has("medicationReference")).isFalse();

        JsonNode response = call("lms-order-select", orderSelectWithDraft(draft, true));

        assertThat(response.path("cards").isArray()).isTrue();
        assertThat(response.path("cards").isEmpty())
                .as("no medication, no advice: " + response)
                .isTrue();
        assertThat(response.toString()).isEqualTo("{\"cards\":[]}");
    }

    /**
     * The captured order-select with this draft; with {@code onGemcitabine} the medication statements also hold
     * active gemcitabine, so a pazopanib draft would be a warning and only the draft decides whether a card comes.
     */
    private static ObjectNode orderSelectWithDraft(ObjectNode draft, boolean onGemcitabine) {
        ObjectNode request = captured("sandbox-order-select-request.json");
        ObjectNode bundle = (ObjectNode) request.path("context").path("draftOrders");
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().set("resource", draft);
        if (onGemcitabine) {
            ArrayNode statements =
                    (ArrayNode) request.path("prefetch").path("medstatements").path("entry");
            statements
                    .addObject()
                    .set(
                            "resource",
                            JSON.readTree("{\"resourceType\":\"MedicationStatement\","
                                    + "\"id\":\"lms-1-gem\",\"status\":\"active\",\"medicationCodeableConcept\":{\"coding\":[{"
                                    + "\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"12574\","
                                    + "\"display\":\"gemcitabine\"}]},\"subject\":{\"reference\":\"Patient/lms-1\"},"
                                    + "\"effectivePeriod\":{\"start\":\"2026-10-01\"}}"));
        }
        return request;
    }
}
