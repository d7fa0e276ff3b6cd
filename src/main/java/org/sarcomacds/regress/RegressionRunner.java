package org.sarcomacds.regress;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.sarcomacds.knowledge.SiteKnowledge;
import org.sarcomacds.record.PrefetchTemplates;
import org.sarcomacds.regress.CardComparison.CardDiff;
import org.sarcomacds.regress.RunResult.CaseResult;
import org.sarcomacds.regress.RunResult.Mode;
import org.sarcomacds.regress.RunResult.ScenarioResult;
import org.sarcomacds.regress.RunResult.Status;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every scenario of a fixture folder through the service's real HTTP endpoint, for each hook with a context,
 * twice: with the prefetch an EHR honouring every template would send, and with no prefetch while the loopback
 * fixture FHIR server answers the service's own searches (and checks the Bearer token). Both answers are compared
 * with the approved {@code <hook>.expected.json}, and the rule ids with {@code scenario.md}.
 */
public final class RegressionRunner {

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RegressionRunner() {}

    /**
     * What to run.
     *
     * @param folder     the fixture folder
     * @param compare    how much of each card must match
     * @param record     write {@code <hook>.expected.json} where there is none (the baseline a site approves)
     * @param overwrite  with {@code record}: also rewrite existing expected files
     * @param asOf       the evaluation date; null: {@code regress.json}'s, else today
     * @param siteDir    the site knowledge folder to load ({@code cds.knowledge.site-dir}), or null
     * @param properties further Spring properties for the service (e.g. {@code cds.fetch.deadline})
     * @param snapshot   test patients to fetch from a live FHIR server into the folder first, or null
     */
    public record Settings(
            Path folder,
            CardComparison.Mode compare,
            boolean record,
            boolean overwrite,
            LocalDate asOf,
            Path siteDir,
            Map<String, String> properties,
            FhirSnapshot.Request snapshot) {

        public Settings {
            properties = Map.copyOf(properties);
        }

        /** Our own fixtures, compared in full, as {@code mvn verify} runs them. */
        public static Settings of(Path folder) {
            return new Settings(folder, CardComparison.Mode.FULL, false, false, null, null, Map.of(), null);
        }
    }

    /**
     * Runs the folder; {@code progress} hears each case as it ends.
     *
     * @throws InvalidFixtureException          when the folder or one of its files cannot be used (exit code 2)
     * @throws ServiceUnderTest.ServiceStartException when the service refuses to start, e.g. on a bad site file
     */
    static RunResult run(Class<?> application, Settings settings, Consumer<CaseResult> progress) {
        FhirContext fhir = FhirContext.forR4Cached();
        if (settings.snapshot() == null) {
            FixtureFolder.load(settings.folder(), fhir); // an invalid folder fails before the service starts
        }
        LocalDate asOf = asOf(settings);
        Map<String, String> properties = new LinkedHashMap<>(settings.properties());
        properties.put("cds.clinical.as-of", asOf.toString());
        if (settings.siteDir() != null) {
            properties.put("cds.knowledge.site-dir", settings.siteDir().toString());
        }
        if (settings.snapshot() != null) {
            properties.put("cds.fetch.allowed-servers", settings.snapshot().fhirServer());
        }
        try (ServiceUnderTest service = new ServiceUnderTest(application, properties);
                LoopbackFhirServer fhirServer = new LoopbackFhirServer()) {
            Services services = Services.of(service.discovery());
            if (settings.snapshot() != null) {
                FhirSnapshot.write(settings.snapshot(), settings.folder(), settings.overwrite(), service, services);
            }
            FixtureFolder.Contents contents = FixtureFolder.load(settings.folder(), fhir);
            if (settings.record()) {
                writeSettingsIfAbsent(settings.folder(), asOf);
            }
            Run run = new Run(settings, service, fhirServer, services, progress);
            List<ScenarioResult> results = new ArrayList<>();
            for (Scenario scenario : contents.scenarios()) {
                results.add(run.scenario(scenario));
            }
            SiteKnowledge site = service.bean(SiteKnowledge.class);
            return new RunResult(settings.folder(), asOf, settings.compare(), site.dir(), site.files(), results);
        }
    }

    private static LocalDate asOf(Settings settings) {
        if (settings.asOf() != null) {
            return settings.asOf();
        }
        if (Files.isDirectory(settings.folder())) {
            Optional<LocalDate> saved = FixtureFolder.asOf(settings.folder().resolve(FixtureFolder.SETTINGS));
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        return LocalDate.now();
    }

    /** A recorded baseline keeps its date, so it does not age: the windows for labs and weight count back from it. */
    private static void writeSettingsIfAbsent(Path folder, LocalDate asOf) {
        Path file = folder.resolve(FixtureFolder.SETTINGS);
        if (!Files.exists(file)) {
            ObjectNode settings = PRETTY.createObjectNode().put("asOf", asOf.toString());
            write(file, settings);
        }
    }

    static void write(Path file, JsonNode json) {
        try {
            Files.writeString(file, PRETTY.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The services of discovery, by hook: id and prefetch templates. */
    record Services(Map<String, String> idByHook, Map<String, Map<String, String>> templatesByHook) {

        static Services of(JsonNode discovery) {
            Map<String, String> ids = new LinkedHashMap<>();
            Map<String, Map<String, String>> templates = new LinkedHashMap<>();
            for (JsonNode service : discovery.path("services")) {
                String hook = service.path("hook").asString("");
                if (ids.putIfAbsent(hook, service.path("id").asString()) == null) {
                    Map<String, String> prefetch = new LinkedHashMap<>();
                    service.path("prefetch")
                            .properties()
                            .forEach(e -> prefetch.put(e.getKey(), e.getValue().asString()));
                    templates.put(hook, prefetch);
                }
            }
            return new Services(ids, templates);
        }

        /** Every template of every service, once each: what a snapshot reads. */
        List<String> allTemplates() {
            return templatesByHook.values().stream()
                    .flatMap(t -> t.values().stream())
                    .distinct()
                    .toList();
        }
    }

    /** One run's state: the service, the fixture FHIR server and what to do. */
    private record Run(
            Settings settings,
            ServiceUnderTest service,
            LoopbackFhirServer fhirServer,
            Services services,
            Consumer<CaseResult> progress) {

        ScenarioResult scenario(Scenario scenario) {
            List<CaseResult> cases = new ArrayList<>();
            for (String hook : scenario.contexts().keySet()) {
                if (!services.idByHook().containsKey(hook)) {
                    throw new InvalidFixtureException(scenario.dir().resolve(hook + ".context.json")
                            + " is for hook " + hook + ", which no service of this release answers (discovery lists "
                            + String.join(", ", services.idByHook().keySet()) + ").");
                }
                for (Mode mode : Mode.values()) {
                    CaseResult result = call(scenario, hook, mode);
                    progress.accept(result);
                    cases.add(result);
                }
            }
            return new ScenarioResult(scenario.id(), scenario.dir(), scenario.unreadable(), cases);
        }

        private CaseResult call(Scenario scenario, String hook, Mode mode) {
            long start = System.nanoTime();
            try (LoopbackFhirServer.Session fhir = fhirServer.open(scenario.resources())) {
                JsonNode context = scenario.contexts().get(hook);
                ObjectNode prefetch = mode == Mode.PREFETCH ? prefetch(fhir, hook, context) : null;
                ServiceUnderTest.Reply reply = service.post(
                        "/cds-services/" + services.idByHook().get(hook), request(hook, context, fhir, prefetch));
                long millis = (System.nanoTime() - start) / 1_000_000;
                List<LoopbackFhirServer.Request> requests = List.copyOf(fhir.requests());
                List<String> problems = new ArrayList<>(requestProblems(mode, prefetch, requests));
                if (reply.status() != 200) {
                    problems.add(0, "The service answered HTTP " + reply.status() + ": " + diagnostics(reply.body()));
                    return new CaseResult(
                            scenario.id(), hook, mode, Status.DIFFERENT, problems, List.of(), requests, null, millis);
                }
                JsonNode actual = PRETTY.readTree(reply.body());
                return compared(scenario, hook, mode, actual, problems, requests, millis);
            }
        }

        private CaseResult compared(
                Scenario scenario,
                String hook,
                Mode mode,
                JsonNode actual,
                List<String> problems,
                List<LoopbackFhirServer.Request> requests,
                long millis) {
            Path expectedFile = scenario.expectedFile(hook);
            boolean recorded = false;
            if (mode == Mode.PREFETCH && settings.record() && (!Files.exists(expectedFile) || settings.overwrite())) {
                JsonNode baseline = CardComparison.withoutUuids(actual);
                recorded = !Files.exists(expectedFile)
                        || !FixtureFolder.json(expectedFile).equals(baseline);
                write(expectedFile, baseline);
            }
            List<CardDiff> diffs = List.of();
            if (!Files.exists(expectedFile)) {
                problems.add("There is no " + expectedFile.getFileName()
                        + ": run with --record to approve these cards as the baseline.");
            } else {
                JsonNode expected = FixtureFolder.json(expectedFile);
                diffs = CardComparison.compare(expected, actual, settings.compare());
                if (!diffs.isEmpty()) {
                    problems.add(
                            0, "The cards differ from " + expectedFile.getFileName() + " (" + summary(diffs) + ").");
                } else if (!CardComparison.ruleIds(expected).equals(CardComparison.ruleIds(actual))) {
                    problems.add(
                            0,
                            "The same cards come in another order: expected " + CardComparison.ruleIds(expected)
                                    + ", returned " + CardComparison.ruleIds(actual) + ".");
                }
            }
            scenario.rulesFor(hook)
                    .filter(rules -> !rules.equals(CardComparison.ruleIds(actual)))
                    .ifPresent(rules -> problems.add("scenario.md names " + describe(rules) + "; the service returned "
                            + describe(CardComparison.ruleIds(actual)) + "."));
            Status status = !problems.isEmpty() ? Status.DIFFERENT : recorded ? Status.RECORDED : Status.MATCH;
            return new CaseResult(scenario.id(), hook, mode, status, problems, diffs, requests, actual, millis);
        }

        private static String summary(List<CardDiff> diffs) {
            return diffs.stream()
                    .map(d -> d.ruleId() + " " + d.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
        }

        private static String describe(List<String> rules) {
            return rules.isEmpty() ? "no card" : String.join(", ", rules);
        }

        /** The fixture server must not have refused anything, and each mode must use the FHIR server as it should. */
        private static List<String> requestProblems(
                Mode mode, ObjectNode prefetch, List<LoopbackFhirServer.Request> requests) {
            List<String> problems = new ArrayList<>();
            for (LoopbackFhirServer.Request request : requests) {
                if (request.problem() != null) {
                    problems.add("The fixture FHIR server refused " + request.method() + " " + request.query() + " ("
                            + request.status() + ": " + request.problem() + ").");
                }
            }
            boolean paged = prefetch != null && prefetch.toString().contains("\"relation\":\"next\"");
            if (mode == Mode.PREFETCH && !paged && !requests.isEmpty()) {
                problems.add("The prefetch held everything, yet the service made " + requests.size()
                        + " FHIR request(s), first " + requests.get(0).query() + ".");
            }
            if (mode == Mode.FETCH && requests.isEmpty()) {
                problems.add("With no prefetch the service made no FHIR request.");
            }
            return problems;
        }

        /** What an EHR honouring every template sends: each query answered by the fixture server, 404 as null. */
        private ObjectNode prefetch(LoopbackFhirServer.Session fhir, String hook, JsonNode context) {
            ObjectNode prefetch = PRETTY.createObjectNode();
            Map<String, String> tokens = tokens(context);
            services.templatesByHook()
                    .get(hook)
                    .forEach((key, template) -> PrefetchTemplates.render(template, tokens)
                            .ifPresent(query -> prefetch.set(
                                    key,
                                    fhir.fhir().answer(query, fhir.baseUrl()).orElse(null))));
            return prefetch;
        }

        private static Map<String, String> tokens(JsonNode context) {
            Map<String, String> tokens = new LinkedHashMap<>();
            context.properties().forEach(e -> {
                if (e.getValue().isString()) {
                    tokens.put("context." + e.getKey(), e.getValue().asString());
                }
            });
            return tokens;
        }

        private ObjectNode request(
                String hook, JsonNode context, LoopbackFhirServer.Session fhir, ObjectNode prefetch) {
            ObjectNode request = PRETTY.createObjectNode()
                    .put("hookInstance", UUID.randomUUID().toString())
                    .put("hook", hook)
                    .put("fhirServer", fhir.baseUrl());
            request.putObject("fhirAuthorization")
                    .put("access_token", fhirServer.token())
                    .put("token_type", "Bearer")
                    .put("expires_in", 300)
                    .put(
                            "scope",
                            FhirScopes.of(services.templatesByHook().get(hook).values()))
                    .put("subject", "sarcoma-cds");
            request.set("context", context);
            if (prefetch != null) {
                request.set("prefetch", prefetch);
            }
            return request;
        }

        private static String diagnostics(String body) {
            try {
                JsonNode outcome = PRETTY.readTree(body);
                String text = outcome.path("issue").path(0).path("diagnostics").asString("");
                return text.isEmpty() ? body : text;
            } catch (RuntimeException e) {
                return body.length() > 300 ? body.substring(0, 300) + "…" : body;
            }
        }
    }
}
