package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;
import static org.sarcomacds.support.Fixture.withoutUuids;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's read-only FHIR endpoint over the fixture patients: it lists every fixture's Patient, reads every
 * resource, and answers every query the services' prefetch templates render, with the right resources. The service
 * itself fetching from it gives the golden cards, which is what "let the service fetch" on the try-it page does.
 */
// the address the golden cards' evidence links have (the regress runner's, ServiceUnderTest)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.public-base-url=https://sarcoma-cds.invalid")
class DemoFhirEndpointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HookClient http;

    @BeforeEach
    void client() {
        http = new HookClient(port);
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/fhir";
    }

    @Test
    void listsThePatientOfEveryFixture() {
        HookClient.Reply reply = http.get("/fhir/Patient");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/fhir+json");
        JsonNode bundle = reply.json();
        assertThat(bundle.path("type").asString()).isEqualTo("searchset");
        Set<String> ids = new HashSet<>();
        bundle.path("entry").forEach(e -> ids.add(e.path("resource").path("id").asString()));
        Set<String> expected = new HashSet<>();
        Fixture.all().forEach(f -> expected.add(f.patientId()));
        assertThat(ids)
                .as("one Patient per fixture folder, found without a list in code")
                .isEqualTo(expected);
        assertThat(bundle.path("total").asInt()).isEqualTo(expected.size());
    }

    @Test
    void metadataIsAnR4CapabilityStatementNamingWhatIsServed() {
        HookClient.Reply reply = http.get("/fhir/metadata");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode statement = reply.json();
        assertThat(statement.path("resourceType").asString()).isEqualTo("CapabilityStatement");
        assertThat(statement.path("fhirVersion").asString()).isEqualTo("4.0.1");
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        statement
                .path("rest")
                .path(0)
                .path("resource")
                .forEach(r -> resources.put(r.path("type").asString(), r));
        assertThat(resources)
                .containsKeys("Patient", "Condition", "MedicationStatement", "MedicationRequest", "Observation");
        assertThat(resources
                        .get("MedicationRequest")
                        .path("searchInclude")
                        .path(0)
                        .asString())
                .isEqualTo("MedicationRequest:medication");
        assertThat(resources.get("Observation").path("searchParam").toString()).contains("\"code\"", "\"patient\"");
    }

    @Test
    void readsEveryResourceOfEveryFixture() {
        for (Fixture fixture : Fixture.all()) {
            for (JsonNode entry : fixture.record().path("entry")) {
                JsonNode resource = entry.path("resource");
                String path = "/fhir/" + resource.path("resourceType").asString() + "/"
                        + resource.path("id").asString();
                HookClient.Reply reply = http.get(path);
                assertThat(reply.status()).as(fixture + " " + path).isEqualTo(200);
                assertThat(reply.json()).as(fixture + " " + path).isEqualTo(resource);
            }
        }
    }

    /** FHIR's POST [type]/_search, form-encoded (the public sandbox's client tries it first): the same Bundles. */
    @Test
    void answersEverySearchPostedToSearchAsItAnswersTheGet() {
        Fixture fixture = Fixture.all().stream()
                .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
                .findFirst()
                .orElseThrow();
        int searches = 0;
        for (String template : http.templates("lms-order-select").values()) {
            String query = template.replace("{{context.patientId}}", fixture.patientId());
            int q = query.indexOf('?');
            if (q < 0) {
                continue;
            }
            String form = query.substring(q + 1).replace("|", "%7C");
            HookClient.Reply posted = http.postForm("/fhir/" + query.substring(0, q) + "/_search", form);
            HookClient.Reply got = http.get("/fhir/" + query.replace("|", "%7C"));
            assertThat(posted.status()).as(query + ": " + posted.body()).isEqualTo(200);
            assertThat(posted.json()).as(query).isEqualTo(got.json());
            searches++;
        }
        assertThat(searches).isGreaterThan(10);

        HookClient.Reply twice = http.postForm("/fhir/Condition/_search?patient=a", "patient=b");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("given twice");
    }

    static Stream<Arguments> templateQueries() {
        List<Arguments> cases = new ArrayList<>();
        for (Fixture fixture : Fixture.all()) {
            for (String hook : Fixture.HOOKS) {
                cases.add(Arguments.of(fixture, "lms-" + hook));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templateQueries")
    void answersEveryPrefetchTemplateWithThePatientsMatchingResources(Fixture fixture, String serviceId) {
        Map<String, String> templates = http.templates(serviceId);
        assertThat(templates).as("templates of " + serviceId).isNotEmpty();
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String query = template.getValue().replace("{{context.patientId}}", fixture.patientId());
            HookClient.Reply reply = http.get("/fhir/" + query.replace("|", "%7C"));
            assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
            JsonNode answer = reply.json();
            if (!query.contains("?")) {
                assertThat(answer.path("id").asString()).isEqualTo(fixture.patientId());
                continue;
            }
            assertThat(answer.path("type").asString()).isEqualTo("searchset");
            List<String> matches = new ArrayList<>(idsOf(answer, "match"));
            assertThat(idsOf(answer, "include")).as(query + " includes").isEqualTo(expectedIncludes(answer, query));
            for (JsonNode page = answer; nextLink(page) != null; ) {
                page = http.get(nextLink(page).substring(("http://127.0.0.1:" + port).length()))
                        .json();
                matches.addAll(idsOf(page, "match"));
            }
            assertThat(matches).as(query + ", every page").isEqualTo(expectedMatches(fixture, query));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("templateQueries")
    void theServiceFetchingFromItGivesTheGoldenCards(Fixture fixture, String serviceId) {
        String hook = serviceId.substring("lms-".length());
        ObjectNode request = JSON.createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", hook)
                .put("fhirServer", base());
        request.set("context", fixture.context(hook).orElseThrow());

        HookClient.Reply reply = http.post("/cds-services/" + serviceId, request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertValidResponse(reply.json());
        assertThat(withoutUuids(reply.json())).isEqualTo(Fixture.read(fixture.expectedFile(hook)));
    }

    @Test
    void pagesWithNextLinksOnThisServer() {
        String patient = "lms-uterine-on-pazopanib";
        JsonNode first =
                http.get("/fhir/Observation?patient=" + patient + "&_count=4").json();
        List<String> ids = new ArrayList<>(idsOf(first, "match"));
        JsonNode page = first;
        int pages = 1;
        while (nextLink(page) != null) {
            assertThat(nextLink(page)).startsWith(base() + "/Observation?");
            page = http.get(nextLink(page).substring(("http://127.0.0.1:" + port).length()))
                    .json();
            ids.addAll(idsOf(page, "match"));
            pages++;
        }
        JsonNode all = http.get("/fhir/Observation?patient=" + patient).json();
        assertThat(pages).isGreaterThan(1);
        assertThat(ids).isEqualTo(idsOf(all, "match"));
        assertThat(first.path("total").asInt()).isEqualTo(ids.size());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Condition?patient=x&status=active",
                "Observation?patient=x&_count=abc",
                "Observation?patient=x&_sort=date",
                "MedicationRequest?patient=x&_include=MedicationRequest:requester",
                "Condition?patient=x&patient=y",
                "Patient?_format=xml"
            })
    void refusesSearchesItDoesNotImplementWithAnOperationOutcome(String query) {
        HookClient.Reply reply = http.get("/fhir/" + query);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(reply.json().path("issue").path(0).path("diagnostics").asString())
                .isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/fhir/Patient/no-such-patient", "/fhir/NotAType", "/fhir/NotAType/1", "/fhir/Patient/a%20b"})
    void unknownResourcesAreA404OperationOutcome(String path) {
        HookClient.Reply reply = http.get(path);

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
    }

    @Test
    void isReadOnly() throws IOException, InterruptedException {
        HookClient.Reply post = http.post("/fhir/Patient", "{\"resourceType\":\"Patient\"}");
        HttpResponse<String> delete = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/Patient/lms-uterine-on-pazopanib"))
                                .DELETE()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(http.get("/fhir/Patient/lms-uterine-on-pazopanib").status()).isEqualTo(200);
    }

    @Test
    void browserFhirClientsMayReadItAcrossOrigins() throws IOException, InterruptedException {
        HttpResponse<String> preflight = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/Patient"))
                                .header("Origin", "https://sandbox.cds-hooks.org")
                                .header("Access-Control-Request-Method", "GET")
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isBetween(200, 299);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValueSatisfying(origin -> assertThat(origin).isIn("*", "https://sandbox.cds-hooks.org"));
    }

    // ---- an oracle written from the record, independent of InMemoryFhir ----

    private static List<String> expectedMatches(Fixture fixture, String query) {
        String type = query.substring(0, query.indexOf('?'));
        Set<String> codes = new HashSet<>();
        for (String param : query.substring(query.indexOf('?') + 1).split("&")) {
            if (param.startsWith("code=")) {
                codes.addAll(List.of(param.substring("code=".length()).split(",")));
            }
        }
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode entry : fixture.record().path("entry")) {
            JsonNode r = entry.path("resource");
            if (r.path("resourceType").asString().equals(type)
                    && r.path("subject").path("reference").asString("").equals("Patient/" + fixture.patientId())
                    && (codes.isEmpty() || hasAnyCode(r, codes))) {
                matches.add(r);
            }
        }
        if (query.contains("_sort=-date")) {
            matches.sort((a, b) -> b.path("effectiveDateTime")
                    .asString("")
                    .compareTo(a.path("effectiveDateTime").asString("")));
        }
        return matches.stream().map(r -> r.path("id").asString()).toList();
    }

    private static boolean hasAnyCode(JsonNode resource, Set<String> tokens) {
        for (JsonNode coding : resource.path("code").path("coding")) {
            if (tokens.contains(coding.path("system").asString("") + "|"
                    + coding.path("code").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> expectedIncludes(JsonNode answer, String query) {
        if (!query.contains("_include=")) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : answer.path("entry")) {
            String ref = entry.path("resource")
                    .path("medicationReference")
                    .path("reference")
                    .asString("");
            if (ref.startsWith("Medication/") && !ids.contains(ref.substring("Medication/".length()))) {
                ids.add(ref.substring("Medication/".length()));
            }
        }
        return ids;
    }

    private static List<String> idsOf(JsonNode bundle, String mode) {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : bundle.path("entry")) {
            boolean included = entry.path("search").path("mode").asString("").equals("include");
            if (included == mode.equals("include")) {
                ids.add(entry.path("resource").path("id").asString());
            }
        }
        return ids;
    }

    private static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if (link.path("relation").asString("").equals("next")) {
                return link.path("url").asString();
            }
        }
        return null;
    }
}
