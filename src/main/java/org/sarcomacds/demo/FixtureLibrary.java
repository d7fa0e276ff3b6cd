package org.sarcomacds.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixture patients of {@code fhir-fixtures/} (packaged into the jar at {@code classpath:fhir-fixtures/}), found
 * by their folders: every folder with a {@code record.json} is one patient, so new fixtures need no code. Read once
 * at start-up; a fixture that cannot be read stops the start, as a broken file under {@code hooks/} does.
 */
@Component
class FixtureLibrary {

    static final String RECORDS = "classpath*:fhir-fixtures/*/record.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<DemoFixture> fixtures;
    private final InMemoryFhir fhir;

    FixtureLibrary() {
        this(RECORDS);
    }

    FixtureLibrary(String recordsPattern) {
        List<DemoFixture> found = new ArrayList<>();
        List<JsonNode> resources = new ArrayList<>();
        for (Resource record : records(recordsPattern)) {
            DemoFixture fixture = read(record);
            found.add(fixture);
            resources.addAll(InMemoryFhir.resourcesOf(fixture.record()));
        }
        found.sort(Comparator.comparing(DemoFixture::id));
        this.fixtures = List.copyOf(found);
        try {
            this.fhir = new InMemoryFhir(resources);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "fhir-fixtures: resource ids must be unique across fixtures: " + e.getMessage(), e);
        }
    }

    List<DemoFixture> all() {
        return fixtures;
    }

    /** Every fixture's resources in one read-only FHIR server. */
    InMemoryFhir fhir() {
        return fhir;
    }

    private static Resource[] records(String pattern) {
        try {
            return new PathMatchingResourcePatternResolver().getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the fixture patients", e);
        }
    }

    private static DemoFixture read(Resource record) {
        String id = folderName(record);
        JsonNode bundle = json(record, id);
        List<JsonNode> patients = InMemoryFhir.resourcesOf(bundle).stream()
                .filter(r -> r.path("resourceType").asString("").equals("Patient"))
                .toList();
        if (patients.size() != 1) {
            throw new IllegalStateException("fhir-fixtures/" + id + "/record.json must hold exactly one Patient");
        }
        Resource scenario = sibling(record, "scenario.md");
        Resource patientView = sibling(record, "patient-view.context.json");
        Resource orderSelect = sibling(record, "order-select.context.json");
        return new DemoFixture(
                id,
                patients.get(0).path("id").asString(),
                bundle,
                scenario.exists() ? text(scenario, id) : "",
                patientView.exists() ? json(patientView, id).path("userId").asString(null) : null,
                orderSelect.exists() ? json(orderSelect, id) : null);
    }

    private static String folderName(Resource record) {
        try {
            String[] parts = record.getURL().toString().split("/");
            return parts[parts.length - 2];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Resource sibling(Resource record, String name) {
        try {
            return record.createRelative(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Resource resource, String fixture) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + fixture, e);
        }
    }

    private static JsonNode json(Resource resource, String fixture) {
        try {
            return JSON.readTree(text(resource, fixture));
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "fhir-fixtures/" + fixture + "/" + resource.getFilename() + " is not valid JSON", e);
        }
    }

    /**
     * One fixture patient.
     *
     * @param userId       the practitioner of the fixture's hook contexts, or null
     * @param orderSelect  the fixture's order-select context (its draft orders and selections), or null
     */
    record DemoFixture(
            String id, String patientId, JsonNode record, String scenario, String userId, JsonNode orderSelect) {}
}
