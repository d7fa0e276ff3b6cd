package org.sarcomacds.regress;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a folder laid out like {@code fhir-fixtures/}: every sub-folder is a scenario with {@code record.json} (a FHIR
 * R4 Bundle of the patient's resources), one {@code <hook>.context.json} per hook to call, optionally
 * {@code <hook>.expected.json} (the approved answer) and {@code scenario.md} (whose lines {@code - <hook>: RULE, …} or
 * {@code none} name the rule ids expected). An optional {@code regress.json} at the top holds the evaluation date the
 * baseline was approved at ({@code {"asOf": "2026-11-27"}}). Anything the runner cannot use is an
 * {@link InvalidFixtureException} naming the file.
 */
final class FixtureFolder {

    static final String SETTINGS = "regress.json";
    static final List<String> HOOK_ORDER = List.of("patient-view", "order-select", "order-sign");
    private static final String CONTEXT_SUFFIX = ".context.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FixtureFolder() {}

    /**
     * The folder's scenarios and its settings.
     *
     * @param scenarios in folder-name order
     * @param asOf      the evaluation date of {@code regress.json}, if it names one
     */
    record Contents(List<Scenario> scenarios, Optional<LocalDate> asOf) {}

    static Contents load(Path folder, FhirContext fhir) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidFixtureException(folder + " is not a folder.");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path dir : scenarioFolders(folder)) {
            scenarios.add(scenario(dir, fhir));
        }
        if (scenarios.isEmpty()) {
            throw new InvalidFixtureException(
                    folder + " holds no scenario folder (each needs a record.json and a <hook>.context.json).");
        }
        return new Contents(scenarios, asOf(folder.resolve(SETTINGS)));
    }

    private static List<Path> scenarioFolders(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new InvalidFixtureException(folder + " cannot be listed: " + e.getMessage() + ".");
        }
    }

    private static Scenario scenario(Path dir, FhirContext fhir) {
        Path recordFile = dir.resolve("record.json");
        if (!Files.isRegularFile(recordFile)) {
            throw new InvalidFixtureException(dir + " has no record.json.");
        }
        RecordBundle record = RecordBundle.read(recordFile, json(recordFile), fhir);
        Map<String, JsonNode> contexts = contexts(dir, record.patientId());
        for (String hook : contexts.keySet()) {
            Path expected = dir.resolve(hook + ".expected.json");
            if (Files.exists(expected)) {
                JsonNode answer = json(expected);
                if (!answer.path("cards").isArray()) {
                    throw new InvalidFixtureException(
                            expected + " is not a CDS Hooks response: it has no cards array.");
                }
            }
        }
        return new Scenario(
                dir.getFileName().toString(),
                dir,
                record.patientId(),
                record.resources(),
                record.unreadable(),
                contexts,
                ScenarioNotes.expectedRules(dir.resolve("scenario.md")));
    }

    private static Map<String, JsonNode> contexts(Path dir, String patientId) {
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(f -> f.getFileName().toString().endsWith(CONTEXT_SUFFIX))
                    .sorted(Comparator.comparing(FixtureFolder::hookOrder))
                    .toList();
        } catch (IOException e) {
            throw new InvalidFixtureException(dir + " cannot be listed: " + e.getMessage() + ".");
        }
        if (files.isEmpty()) {
            throw new InvalidFixtureException(
                    dir + " has no <hook>.context.json (e.g. patient-view.context.json with userId and patientId).");
        }
        Map<String, JsonNode> contexts = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode context = json(file);
            if (!context.isObject()) {
                throw new InvalidFixtureException(file + " must be a JSON object (the hook's context).");
            }
            String contextPatient = context.path("patientId").asString("");
            if (!contextPatient.equals(patientId)) {
                throw new InvalidFixtureException(file + " has patientId '" + contextPatient
                        + "', but the Patient of record.json has id '" + patientId + "'.");
            }
            contexts.put(hook(file), context);
        }
        return contexts;
    }

    private static String hook(Path contextFile) {
        String name = contextFile.getFileName().toString();
        return name.substring(0, name.length() - CONTEXT_SUFFIX.length());
    }

    private static String hookOrder(Path contextFile) {
        String hook = hook(contextFile);
        int known = HOOK_ORDER.indexOf(hook);
        return known >= 0 ? "0" + known : "1" + hook;
    }

    static Optional<LocalDate> asOf(Path settings) {
        if (!Files.exists(settings)) {
            return Optional.empty();
        }
        JsonNode asOf = json(settings).path("asOf");
        if (asOf.isMissingNode()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(asOf.asString("")));
        } catch (DateTimeParseException e) {
            throw new InvalidFixtureException(
                    settings + " has asOf '" + asOf.asString("") + "', which is not a date (yyyy-MM-dd).");
        }
    }

    /** A JSON file, or an {@link InvalidFixtureException} naming it and where it stops being JSON. */
    static JsonNode json(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidFixtureException(file + " cannot be read: " + e.getMessage() + ".");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new InvalidFixtureException(file + " is empty.");
            }
            return node;
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidFixtureException(file + " is not valid JSON" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ".");
        }
    }
}
