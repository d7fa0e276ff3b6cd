package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.support.CdsResponseAssertions.assertNoEmptyOptionals;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Action;
import org.sarcomacds.demo.InMemoryFhir;
import org.sarcomacds.support.Fixture;
import org.sarcomacds.support.HookClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two Jacksons in one JVM: Spring MVC writes our responses with Jackson 3 ({@code tools.jackson}, the context's
 * {@link JsonMapper}), while HAPI FHIR parses and encodes resources with Jackson 2 ({@code com.fasterxml.jackson})
 * through the shared {@link FhirContext}. Our DTOs carry the {@code com.fasterxml.jackson.annotation} annotations,
 * which Jackson 3 still reads: {@code @JsonRawValue} and {@code @JsonInclude(NON_EMPTY)} must take effect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JacksonCoexistenceTest {

    private static final String DRAFT =
            "{\"resourceType\":\"MedicationRequest\",\"id\":\"request-123\",\"status\":\"draft\","
                    + "\"intent\":\"order\",\"category\":{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/medicationrequest-category\",\"code\":\"community\"}]},"
                    + "\"medicationCodeableConcept\":{\"text\":\"Acetaminophen 80 MG Chewable Tablet\",\"coding\":[{"
                    + "\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"307696\"}]},"
                    + "\"subject\":{\"reference\":\"Patient/lms-1\"}}";

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    FhirContext fhirContext;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    @LocalServerPort
    int port;

    @Test
    void theContextHasOneJackson3JsonMapperAndNoJackson2ObjectMapperBean() {
        assertThat(context.getBeansOfType(JsonMapper.class)).hasSize(1);
        assertThat(jsonMapper.version().getMajorVersion())
                .as("tools.jackson is Jackson 3")
                .isEqualTo(3);
        assertThat(context.getBeanNamesForType(com.fasterxml.jackson.databind.ObjectMapper.class))
                .as("no Jackson 2 ObjectMapper bean competes for MVC")
                .isEmpty();
    }

    @Test
    void springMvcWritesJsonWithTheContextsJsonMapper() {
        HttpMessageConverter<?> writer = null;
        for (HttpMessageConverter<?> converter : handlerAdapter.getMessageConverters()) {
            if (converter.canWrite(CdsResponse.class, MediaType.APPLICATION_JSON)) {
                writer = converter;
                break;
            }
        }
        assertThat(writer)
                .as("the converter MVC picks for a CdsResponse as application/json")
                .isInstanceOf(JacksonJsonHttpMessageConverter.class);
        assertThat(((JacksonJsonHttpMessageConverter) writer).getMapper()).isSameAs(jsonMapper);
        assertThat(handlerAdapter.getMessageConverters())
                .noneMatch(c -> c.getClass().getName().contains("Jackson2"));
    }

    @Test
    void rawValueResourceRendersAsANestedObject() {
        String json = jsonMapper.writeValueAsString(
                new Action("create", "d", "{\"resourceType\":\"MedicationRequest\"}", null));
        JsonNode action = jsonMapper.readTree(json);

        assertThat(action.path("resource").isObject()).as(json).isTrue();
        assertThat(action.path("resource").path("resourceType").asString("")).isEqualTo("MedicationRequest");
        assertThat(action.has("resourceId")).as("null omitted (NON_EMPTY)").isFalse();
        assertThat(json).doesNotContain("\\\"");
    }

    @Test
    void deleteActionOmitsTheNullRawResource() {
        JsonNode action =
                jsonMapper.readTree(jsonMapper.writeValueAsString(Action.delete("Delete it", "MedicationRequest/x")));
        assertThat(action.has("resource")).isFalse();
        assertThat(action.path("resourceId").asString("")).isEqualTo("MedicationRequest/x");
    }

    @Test
    void emptyResponseKeepsCardsButNotSystemActions() {
        assertThat(jsonMapper.writeValueAsString(CdsResponse.of(List.of()))).isEqualTo("{\"cards\":[]}");
    }

    @Test
    void hapiParsesAndEncodesWithJackson2InTheSameJvm() throws Exception {
        Field mapperField = JacksonStructure.class.getDeclaredField("OBJECT_MAPPER");
        assertThat(mapperField.getType())
                .as("HAPI's JSON structure is built on Jackson 2")
                .isEqualTo(com.fasterxml.jackson.databind.ObjectMapper.class);
        mapperField.setAccessible(true);
        Object hapiMapper = mapperField.get(null);
        assertThat(((com.fasterxml.jackson.databind.ObjectMapper) hapiMapper)
                        .version()
                        .getMajorVersion())
                .isEqualTo(2);
        assertThat(hapiMapper.getClass().getClassLoader())
                .isSameAs(jsonMapper.getClass().getClassLoader());

        MedicationRequest parsed = fhirContext.newJsonParser().parseResource(MedicationRequest.class, DRAFT);
        assertThat(parsed.getMedicationCodeableConcept().getCodingFirstRep().getCode())
                .isEqualTo("307696");
        assertThat(parsed.getSubject().getReference()).isEqualTo("Patient/lms-1");

        String encoded = fhirContext.newJsonParser().encodeResourceToString(parsed);
        JsonNode reread = jsonMapper.readTree(encoded);
        assertThat(reread.path("resourceType").asString("")).isEqualTo("MedicationRequest");
        assertThat(reread.path("medicationCodeableConcept")
                        .path("coding")
                        .path(0)
                        .path("code")
                        .asString(""))
                .isEqualTo("307696");
    }

    @Test
    void hookResponseOverHttpHasNoNullOrEmptyFields() {
        Fixture fixture = Fixture.all().stream()
                .filter(f -> f.id().equals("lms-on-gemcitabine-drafts-pazopanib"))
                .findFirst()
                .orElseThrow();
        HookClient client = new HookClient(port);
        InMemoryFhir fhir = new InMemoryFhir(fixture.record());
        ObjectNode prefetch = jsonMapper.createObjectNode();
        for (Map.Entry<String, String> template :
                client.templates("lms-order-select").entrySet()) {
            String query = template.getValue().replace("{{context.patientId}}", fixture.patientId());
            prefetch.set(
                    template.getKey(),
                    fhir.answer(query, "http://127.0.0.1/fhir").orElse(null));
        }
        ObjectNode request = jsonMapper
                .createObjectNode()
                .put("hookInstance", UUID.randomUUID().toString())
                .put("hook", "order-select");
        request.set("context", fixture.context("order-select").orElseThrow());
        request.set("prefetch", prefetch);

        HookClient.Reply reply = client.post("/cds-services/lms-order-select", request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode response = reply.json();
        assertValidResponse(response);
        assertThat(response.path("cards").size())
                .as("a card with a suggestion, so there is something to check")
                .isPositive();
        assertNoEmptyOptionals(response, "response");
        assertThat(nullPaths(response, "response")).isEmpty();
        assertThat(reply.body()).doesNotContain("null", "ruleId");
        JsonNode action = response.path("cards")
                .path(0)
                .path("suggestions")
                .path(0)
                .path("actions")
                .path(0);
        assertThat(action.path("type").asString("")).isEqualTo("delete");
        assertThat(action.has("resource")).isFalse();
    }

    private static List<String> nullPaths(JsonNode node, String path) {
        List<String> nulls = new ArrayList<>();
        if (node.isNull()) {
            nulls.add(path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> nulls.addAll(nullPaths(e.getValue(), path + "." + e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulls.addAll(nullPaths(node.get(i), path + "[" + i + "]"));
            }
        }
        return nulls;
    }
}
