package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.record.HookCalls.FIXTURE;
import static org.sarcomacds.record.HookCalls.JSON;
import static org.sarcomacds.record.HookCalls.TRABECTEDIN;
import static org.sarcomacds.record.HookCalls.ok;
import static org.sarcomacds.record.HookCalls.request;
import static org.sarcomacds.record.HookCalls.ruleIds;

import org.junit.jupiter.api.Test;
import org.sarcomacds.demo.InMemoryFhir;
import org.sarcomacds.support.HookClient;
import org.sarcomacds.support.SocketFhirServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record read from the EHR's FHIR server (HAPI's client, HAPI's full binding) gives the same cards as the same
 * record prefetched (the lean binder), also when it holds values HAPI cannot read: an unknown status code, a date
 * that is no date, a quantity whose value is a word, elements sent as extensions only. HAPI's lenient parser keeps
 * those as elements with no value, where the lean binder leaves them out; the facts must not see the difference (they
 * failed on it before: {@code getStatus()} null behind {@code hasStatus()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FetchedAsPrefetchedTest {

    private static final String DATA_ABSENT =
            "{\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\","
                    + " \"valueCode\": \"unknown\"}]}";

    @LocalServerPort
    int port;

    @Test
    void unreadableValuesGiveTheSameCardsFetchedAsPrefetched() {
        HookClient client = new HookClient(port);
        ObjectNode record = withUnreadableValues();
        try (SocketFhirServer ehr = new SocketFhirServer(SocketFhirServer.Closes.NEVER).serving(record, 0)) {
            JsonNode prefetched = ok(client.post(
                    "/cds-services/lms-patient-view", request("patient-view", prefetch(client, record), null)));
            JsonNode fetched =
                    ok(client.post("/cds-services/lms-patient-view", request("patient-view", null, ehr.baseUrl())));

            assertThat(ehr.requests()).as("the fetch mode read the EHR").isGreaterThan(10);
            assertThat(ruleIds(prefetched)).contains(TRABECTEDIN);
            assertThat(withoutUuids(fetched.path("cards"))).isEqualTo(withoutUuids(prefetched.path("cards")));
        }
    }

    /** The fixture with values HAPI keeps but cannot read, in elements the facts read. */
    private static ObjectNode withUnreadableValues() {
        ObjectNode record = (ObjectNode) FIXTURE.record().deepCopy();
        for (JsonNode entry : record.path("entry")) {
            ObjectNode resource = (ObjectNode) entry.path("resource");
            switch (resource.path("id").asString("")) {
                case "f02-cond-liver-mets" -> resource.put("onsetDateTime", "early August");
                case "f02-mr-pazopanib" -> resource.put("status", "being-thought-about");
                case "f02-mr-doxorubicin" -> {
                    resource.remove("authoredOn");
                    resource.set("_authoredOn", JSON.readTree(DATA_ABSENT));
                }
                case "f02-ms-loperamide" -> {
                    resource.remove("status");
                    resource.set("_status", JSON.readTree(DATA_ABSENT));
                }
                case "f02-obs-bili" -> resource.put("status", "urn:uuid:0");
                case "f02-obs-weight" -> ((ObjectNode) resource.path("valueQuantity")).put("value", "seventy");
                default -> {}
            }
        }
        return record;
    }

    /** The prefetch a client honouring every template sends from {@code record}. */
    private static ObjectNode prefetch(HookClient client, JsonNode record) {
        InMemoryFhir fhir = new InMemoryFhir(record);
        ObjectNode prefetch = JSON.createObjectNode();
        client.templates("lms-patient-view")
                .forEach((key, template) -> prefetch.set(
                        key,
                        fhir.answer(template.replace("{{context.patientId}}", FIXTURE.patientId()), "http://ehr.test")
                                .orElse(null)));
        return prefetch;
    }

    /** The cards without their random ids. */
    private static JsonNode withoutUuids(JsonNode cards) {
        JsonNode copy = cards.deepCopy();
        removeUuids(copy);
        assertThat(copy.toString()).doesNotContain("\"uuid\"");
        return copy;
    }

    private static void removeUuids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("uuid");
        }
        node.forEach(FetchedAsPrefetchedTest::removeUuids);
    }
}
