package org.sarcomacds.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.sarcomacds.regress.CardComparison;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One patient scenario of {@code fhir-fixtures/}: its record, the hook contexts and the cards expected. */
public record Fixture(String id, Path dir, JsonNode record) {

    public static final Path ROOT = Path.of("fhir-fixtures");
    public static final List<String> HOOKS = List.of("patient-view", "order-select", "order-sign");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static List<Fixture> all() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.exists(d.resolve("record.json")))
                    .sorted()
                    .map(d -> new Fixture(d.getFileName().toString(), d, read(d.resolve("record.json"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String patientId() {
        for (JsonNode entry : record.path("entry")) {
            if (entry.path("resource").path("resourceType").asString("").equals("Patient")) {
                return entry.path("resource").path("id").asString();
            }
        }
        throw new IllegalStateException(id + " has no Patient");
    }

    public Optional<JsonNode> context(String hook) {
        Path file = dir.resolve(hook + ".context.json");
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** A call of {@code hook} for this patient without prefetch: the hook, a new hookInstance and the hook's context. */
    public ObjectNode call(String hook) {
        ObjectNode call = JSON.createObjectNode()
                .put("hook", hook)
                .put("hookInstance", UUID.randomUUID().toString());
        call.set("context", context(hook).orElseThrow());
        return call;
    }

    public Path expectedFile(String hook) {
        return dir.resolve(hook + ".expected.json");
    }

    /** The rule ids scenario.md says each hook must produce ("- patient-view: RULE-A, RULE-B" or "none"). */
    public List<String> expectedRules(String hook) {
        try {
            for (String line : Files.readAllLines(dir.resolve("scenario.md"))) {
                String prefix = "- " + hook + ":";
                if (line.startsWith(prefix)) {
                    String rules = line.substring(prefix.length()).trim();
                    if (rules.equals("none")) {
                        return List.of();
                    }
                    List<String> ids = new ArrayList<>();
                    for (String rule : rules.split(",")) {
                        ids.add(rule.trim());
                    }
                    return ids;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(id + "/scenario.md names no expectation for " + hook);
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hook response as the golden files hold it: every {@code uuid} removed (they differ on each call). */
    public static JsonNode withoutUuids(JsonNode node) {
        return CardComparison.withoutUuids(node);
    }

    @Override
    public String toString() {
        return id;
    }
}
