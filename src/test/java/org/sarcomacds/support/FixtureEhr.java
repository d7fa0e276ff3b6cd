package org.sarcomacds.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.Map;
import java.util.Optional;
import org.sarcomacds.demo.InMemoryFhir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Programs a WireMock EHR FHIR server from a fixture record: every query the service's prefetch templates render,
 * every next page and every Medication, each answered only with the right Bearer token.
 */
public final class FixtureEhr {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;
    private final String token;
    private final int delayMillis;

    public FixtureEhr(WireMockServer server, String token) {
        this(server, token, 0);
    }

    /** An EHR whose every answer is delayed, for latency probes. */
    public FixtureEhr(WireMockServer server, String token, int delayMillis) {
        this.server = server;
        this.token = token;
        this.delayMillis = delayMillis;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/fhir";
    }

    /** Stubs the queries and returns the prefetch a client honouring every template would send. */
    public ObjectNode serve(Fixture fixture, Map<String, String> templates) {
        server.resetAll();
        InMemoryFhir fhir = new InMemoryFhir(fixture.record());
        ObjectNode prefetch = JSON.createObjectNode();
        templates.forEach((key, template) -> {
            String query = template.replace("{{context.patientId}}", fixture.patientId());
            Optional<JsonNode> answer = fhir.answer(query, baseUrl());
            prefetch.set(key, answer.orElse(null));
            answer.ifPresent(a -> stubAllPages(fhir, query, a));
        });
        fixture.record().path("entry").forEach(e -> {
            JsonNode r = e.path("resource");
            if (r.path("resourceType").asString("").equals("Medication")) {
                stub("Medication/" + r.path("id").asString(), r);
            }
        });
        return prefetch;
    }

    private void stubAllPages(InMemoryFhir fhir, String query, JsonNode first) {
        stub(query, first);
        JsonNode page = first;
        while (nextLink(page) != null) {
            String next = nextLink(page).substring(baseUrl().length() + 1);
            page = fhir.answer(next, baseUrl()).orElseThrow();
            stub(next, page);
        }
    }

    private static String nextLink(JsonNode bundle) {
        for (JsonNode link : bundle.path("link")) {
            if (link.path("relation").asString("").equals("next")) {
                return link.path("url").asString();
            }
        }
        return null;
    }

    private void stub(String query, JsonNode body) {
        int q = query.indexOf('?');
        String path = "/fhir/" + (q < 0 ? query : query.substring(0, q));
        MappingBuilder mapping = get(urlPathEqualTo(path)).withHeader("Authorization", equalTo("Bearer " + token));
        if (q >= 0) {
            for (Map.Entry<String, String> param :
                    InMemoryFhir.params(query.substring(q + 1)).entrySet()) {
                mapping = mapping.withQueryParam(param.getKey(), equalTo(param.getValue()));
            }
        }
        server.stubFor(mapping.willReturn(aResponse()
                .withStatus(200)
                .withFixedDelay(delayMillis)
                .withHeader("Content-Type", "application/fhir+json")
                .withBody(body.toString())));
    }
}
