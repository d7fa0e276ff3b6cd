package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.support.CdsResponseAssertions.assertNoEmptyOptionals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sarcomacds.record.PrefetchDefinition;
import org.sarcomacds.support.HookClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /cds-services}: the three services with what CDS Hooks 2.0 asks of each entry, and nothing more. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiscoveryTest {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{(.*?)}}");
    private static final List<String> SPEC_FIELDS =
            List.of("hook", "title", "description", "id", "prefetch", "usageRequirements", "extension");

    @LocalServerPort
    int port;

    @Autowired
    PrefetchDefinition prefetchDefinition;

    private HookClient.Reply reply;
    private JsonNode discovery;

    @BeforeEach
    void discover() {
        reply = new HookClient(port).get("/cds-services");
        discovery = reply.json();
    }

    @Test
    void answers200WithJson() {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(discovery.isObject()).isTrue();
        assertThat(discovery.path("services").isArray()).as("services array").isTrue();
    }

    @Test
    void listsExactlyTheThreeServicesWithTheirHooks() {
        Map<String, String> hooks = new LinkedHashMap<>();
        discovery
                .path("services")
                .forEach(
                        s -> hooks.put(s.path("id").asString(""), s.path("hook").asString("")));
        assertThat(discovery.path("services").size())
                .as("one entry per service")
                .isEqualTo(3);
        assertThat(hooks)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "lms-patient-view", "patient-view",
                        "lms-order-select", "order-select",
                        "lms-order-sign", "order-sign"));
    }

    @Test
    void everyServiceHasTitleDescriptionAndUsageRequirements() {
        for (JsonNode service : discovery.path("services")) {
            String id = service.path("id").asString("");
            assertThat(service.path("title").asString("")).as(id + " title").isNotBlank();
            assertThat(service.path("description").asString(""))
                    .as(id + " description")
                    .isNotBlank();
            assertThat(service.path("usageRequirements").asString(""))
                    .as(id + " usageRequirements")
                    .isNotBlank();
        }
    }

    @Test
    void everyServiceAdvertisesTheOnePrefetchDefinition() {
        for (JsonNode service : discovery.path("services")) {
            Map<String, String> templates = new LinkedHashMap<>();
            service.path("prefetch").properties().forEach(e -> {
                assertThat(e.getValue().isString())
                        .as(e.getKey() + " is a template string")
                        .isTrue();
                templates.put(e.getKey(), e.getValue().asString());
            });
            assertThat(templates)
                    .as(service.path("id").asString() + " prefetch")
                    .containsExactlyInAnyOrderEntriesOf(prefetchDefinition.templates())
                    .containsKeys("patient", "conditions", "medstatements", "medrequests")
                    .containsKeys(prefetchDefinition.observationKeys().toArray(String[]::new));
        }
        assertThat(prefetchDefinition.observationKeys())
                .as("a key per lab test, body measurement, ECOG, pregnancy status, hCG and genomics")
                .hasSize(16);
    }

    @Test
    void anObservationTemplateAsksForExactlyTheCodesOfItsValueSet() {
        JsonNode prefetch = discovery.path("services").get(0).path("prefetch");
        assertThat(prefetch.path("weight").asString())
                .isEqualTo(
                        "Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7,http://loinc.org|3141-9"
                                + "&status=final,amended,corrected&_sort=-date&_count=2");
        assertThat(prefetch.path("genomics").asString())
                .isEqualTo("Observation?patient={{context.patientId}}&code=http://loinc.org|69548-6&_count=50");
    }

    @Test
    void everyTemplateUsesOnlyTheContextPatientIdToken() {
        for (JsonNode service : discovery.path("services")) {
            service.path("prefetch").properties().forEach(e -> {
                String template = e.getValue().asString("");
                List<String> tokens = new ArrayList<>();
                Matcher m = TOKEN.matcher(template);
                while (m.find()) {
                    tokens.add(m.group(1));
                }
                String where = service.path("id").asString() + "." + e.getKey() + " = " + template;
                assertThat(tokens).as(where).isNotEmpty().containsOnly("context.patientId");
                assertThat(template.replace("{{context.patientId}}", ""))
                        .as(where + ": stray braces")
                        .doesNotContain("{", "}");
                assertThat(template)
                        .as(where + ": a relative FHIR read or search")
                        .matches("[A-Z][A-Za-z]+(/|\\?).+");
            });
        }
    }

    @Test
    void patientTemplateIsAnInstanceRead() {
        for (JsonNode service : discovery.path("services")) {
            assertThat(service.path("prefetch").path("patient").asString(""))
                    .isEqualTo("Patient/{{context.patientId}}");
        }
    }

    @Test
    void noInternalFieldLeaks() {
        assertThat(reply.body()).doesNotContain("requiredPrefetch");
        List<String> topLevel = new ArrayList<>();
        discovery.propertyNames().forEach(topLevel::add);
        assertThat(topLevel).containsExactly("services");
        for (JsonNode service : discovery.path("services")) {
            List<String> fields = new ArrayList<>();
            service.propertyNames().forEach(fields::add);
            assertThat(SPEC_FIELDS)
                    .as("fields of " + service.path("id").asString())
                    .containsAll(fields);
        }
    }

    @Test
    void noNullOrEmptyValues() {
        assertNoEmptyOptionals(discovery, "discovery");
        assertThat(reply.body()).doesNotContain("null");
    }
}
