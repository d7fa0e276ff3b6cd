package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sarcomacds.CdsProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CORS restricted to one origin ({@code cds.cors.allowed-origins=https://ehr.example.org}): the filter itself, without
 * a server. Another origin's preflight or call is refused with a 403 OperationOutcome and no Allow-Origin; the listed
 * origin is allowed by name (not {@code *}); calls without an Origin pass untouched. How the filter sits in front of the
 * real endpoints is {@link CorsTest}'s, over HTTP.
 */
class CorsFilterTest {

    private static final String EHR = "https://ehr.example.org";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Filter cors = new CorsFilterConfiguration()
            .corsFilter(restrictedTo(EHR), new OperationOutcomes(FhirContext.forR4()))
            .getFilter();

    @ParameterizedTest
    @ValueSource(strings = {"/cds-services", "/cds-services/lms-order-sign", "/cds-services/lms-order-sign/feedback"})
    void preflightFromAnotherOriginIsRefused(String path) throws Exception {
        Passed answer = pass(preflight(path, CorsTest.SANDBOX));

        assertThat(answer.response().getStatus()).isEqualTo(403);
        assertThat(answer.response().getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.reachedTheEndpoint()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cds-services", "/cds-services/lms-order-sign", "/cds-services/lms-order-sign/feedback"})
    void preflightFromTheListedOriginIsAllowed(String path) throws Exception {
        MockHttpServletResponse response = pass(preflight(path, EHR)).response();

        assertThat(response.getStatus()).isBetween(200, 299);
        assertThat(response.getHeader("Access-Control-Allow-Origin"))
                .as("the origin itself, not *")
                .isEqualTo(EHR);
        assertThat(response.getHeader("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type");
        assertThat(response.getHeader("Access-Control-Allow-Methods")).contains("POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {CorsTest.SANDBOX, "https://ehr.example.org.evil.test", "http://ehr.example.org"})
    void actualCallFromAnotherOriginIsRefusedWithoutAllowOrigin(String origin) throws Exception {
        MockHttpServletRequest call = new MockHttpServletRequest("GET", "/cds-services");
        call.addHeader("Origin", origin);

        Passed answer = pass(call);

        assertThat(answer.response().getStatus()).isEqualTo(403);
        assertThat(answer.response().getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(answer.reachedTheEndpoint()).isFalse();
    }

    @Test
    void refusalsAreOperationOutcomes() throws Exception {
        MockHttpServletRequest call = new MockHttpServletRequest("GET", "/cds-services");
        call.addHeader("Origin", CorsTest.SANDBOX);

        for (MockHttpServletRequest refused :
                new MockHttpServletRequest[] {preflight("/cds-services/lms-order-sign", CorsTest.SANDBOX), call}) {
            MockHttpServletResponse response = pass(refused).response();
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).startsWith("application/fhir+json");
            JsonNode outcome = JSON.readTree(response.getContentAsString());
            assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
            assertThat(outcome.path("issue").path(0).path("diagnostics").asString())
                    .contains("origin");
        }
    }

    @Test
    void actualPostFromTheListedOriginCarriesAllowOrigin() throws Exception {
        MockHttpServletRequest call = new MockHttpServletRequest("POST", "/cds-services/lms-order-sign");
        call.addHeader("Origin", EHR);
        call.setContentType("application/json");

        Passed answer = pass(call);

        assertThat(answer.reachedTheEndpoint()).isTrue();
        assertThat(answer.response().getHeader("Access-Control-Allow-Origin")).isEqualTo(EHR);
    }

    @Test
    void serverToServerCallsWithoutOriginAreUnaffected() throws Exception {
        Passed answer = pass(new MockHttpServletRequest("GET", "/cds-services"));

        assertThat(answer.reachedTheEndpoint()).isTrue();
        assertThat(answer.response().getStatus()).isEqualTo(200);
        assertThat(answer.response().getHeaderNames()).noneMatch(h -> h.startsWith("Access-Control-"));
    }

    private static MockHttpServletRequest preflight(String path, String origin) {
        MockHttpServletRequest preflight = new MockHttpServletRequest("OPTIONS", path);
        preflight.addHeader("Origin", origin);
        preflight.addHeader("Access-Control-Request-Method", "POST");
        preflight.addHeader("Access-Control-Request-Headers", "authorization,content-type");
        return preflight;
    }

    private Passed pass(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain endpoint = new MockFilterChain();
        cors.doFilter(request, response, endpoint);
        return new Passed(response, endpoint.getRequest() != null);
    }

    /** What the filter answered, and whether it let the request through to the endpoint. */
    private record Passed(MockHttpServletResponse response, boolean reachedTheEndpoint) {}

    private static CdsProperties restrictedTo(String origin) {
        return new Binder(new MapConfigurationPropertySource(Map.of("cds.cors.allowed-origins", origin)))
                .bindOrCreate("cds", CdsProperties.class);
    }
}
