package org.sarcomacds.regress;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Resource;
import org.sarcomacds.record.FhirEndpoint;
import org.sarcomacds.record.FhirServerPolicy;
import org.sarcomacds.record.PatientRecord;
import org.sarcomacds.record.RecordAssembler;
import org.sarcomacds.record.RecordRequest;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a live FHIR server's test patients into scenario folders: the service reads each patient exactly as it does
 * when a hook call comes without prefetch — the same prefetch templates, the same allowlist check of the URL, the
 * same HTTP client with its limits (pages, response size, timeouts, no redirects, next links on the same server
 * only), read-only GETs — and the resources it gets become {@code record.json}, with a {@code patient-view} context
 * and a {@code scenario.md} to fill in. References the server made absolute become relative, so the fixture server
 * finds them.
 */
public final class FhirSnapshot {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FhirSnapshot() {}

    /**
     * @param fhirServer the FHIR R4 base URL
     * @param patients   the test patients' ids
     * @param tokenFile  a file holding the Bearer token to read them with, or null for an open server
     */
    public record Request(String fhirServer, List<String> patients, Path tokenFile) {

        public Request {
            patients = List.copyOf(patients);
        }
    }

    static void write(
            Request request,
            Path folder,
            boolean overwrite,
            ServiceUnderTest service,
            RegressionRunner.Services services) {
        String token = token(request.tokenFile());
        checkServer(request.fhirServer(), token, service.bean(FhirServerPolicy.class));
        FhirContext fhir = service.bean(FhirContext.class);
        RecordAssembler records = service.bean(RecordAssembler.class);
        for (String patientId : request.patients()) {
            if (!ID.matcher(patientId).matches()) {
                throw new InvalidFixtureException("--patients: '" + patientId + "' is not a FHIR id.");
            }
            Path dir = folder.resolve(patientId);
            if (Files.exists(dir) && !overwrite) {
                throw new InvalidFixtureException(dir + " exists; pass --overwrite to replace it with a new snapshot.");
            }
            PatientRecord record = records.assemble(new RecordRequest(
                    patientId,
                    templates(services),
                    List.of(),
                    Map.of("context.patientId", patientId, "context.userId", "Practitioner/regress"),
                    Map.of(),
                    Optional.of(new FhirEndpoint(request.fhirServer(), token))));
            if (record.patient().isEmpty()) {
                throw new InvalidFixtureException(request.fhirServer() + " has no Patient/" + patientId + " ("
                        + String.join("; ", record.gaps()) + ").");
            }
            writeScenario(dir, patientId, bundle(record, fhir, request.fhirServer()), record.gaps(), request);
        }
    }

    private static String token(Path tokenFile) {
        if (tokenFile == null) {
            return null;
        }
        try {
            String token = Files.readString(tokenFile).strip();
            if (token.isEmpty() || token.contains("\n")) {
                throw new InvalidFixtureException(tokenFile + " must hold one access token on one line.");
            }
            return token;
        } catch (IOException e) {
            throw new InvalidFixtureException(tokenFile + " cannot be read: " + e.getMessage() + ".");
        }
    }

    /** The service's own allowlist rules; and a token travels over https only, unless the server is this machine. */
    private static void checkServer(String url, String token, FhirServerPolicy policy) {
        if (!policy.permits(url)) {
            throw new InvalidFixtureException("--fhir-server " + url
                    + " is not a FHIR server the service may call (an http(s) base URL, no query, not a link-local"
                    + " or metadata address).");
        }
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (token != null && uri.getScheme().equalsIgnoreCase("http") && !loopback) {
            throw new InvalidFixtureException(
                    "--fhir-server " + url + " is plain http: the access token is sent over https only.");
        }
    }

    /** Every template of every service, keyed as discovery keys them (a key that two services fill differently twice). */
    private static Map<String, String> templates(RegressionRunner.Services services) {
        Map<String, String> templates = new LinkedHashMap<>();
        services.templatesByHook()
                .values()
                .forEach(byKey -> byKey.forEach((key, template) -> {
                    String name = key;
                    for (int n = 2;
                            templates.containsKey(name) && !templates.get(name).equals(template);
                            n++) {
                        name = key + "-" + n;
                    }
                    templates.put(name, template);
                }));
        return templates;
    }

    private static ObjectNode bundle(PatientRecord record, FhirContext fhir, String baseUrl) {
        List<Resource> resources = new ArrayList<>();
        record.patient().ifPresent(resources::add);
        resources.addAll(record.conditions());
        resources.addAll(record.medicationStatements());
        resources.addAll(record.medicationRequests());
        resources.addAll(record.medications().values());
        resources.addAll(record.observations());
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        for (Resource resource : resources) {
            JsonNode json = JSON.readTree(fhir.newJsonParser().encodeResourceToString(resource));
            relativeReferences(json, base);
            entries.addObject().set("resource", json);
        }
        return bundle;
    }

    private static void relativeReferences(JsonNode node, String base) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("reference");
            if (reference != null
                    && reference.isString()
                    && reference.asString().startsWith(base)) {
                object.put("reference", reference.asString().substring(base.length()));
            }
        }
        node.forEach(child -> relativeReferences(child, base));
    }

    private static void writeScenario(
            Path dir, String patientId, ObjectNode bundle, List<String> gaps, Request request) {
        try {
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
            RegressionRunner.write(dir.resolve("record.json"), bundle);
            RegressionRunner.write(
                    dir.resolve("patient-view.context.json"),
                    JSON.createObjectNode()
                            .put("userId", "Practitioner/regress")
                            .put("patientId", patientId));
            StringBuilder notes = new StringBuilder("# ")
                    .append(patientId)
                    .append("\n\nSnapshot of Patient/")
                    .append(patientId)
                    .append(" from ")
                    .append(request.fhirServer())
                    .append(" on ")
                    .append(LocalDate.now())
                    .append(" (")
                    .append(bundle.path("entry").size())
                    .append(" resources), read with the service's prefetch templates.\n")
                    .append("Say who the patient is and which cards the CDS committee expects; a line such as")
                    .append(" `- patient-view: LMS-CLINICAL-TRIALS` (or `none`) has the rule ids checked too.\n");
            gaps.forEach(
                    gap -> notes.append("\nNot in the snapshot: ").append(gap).append('\n'));
            Files.writeString(dir.resolve("scenario.md"), notes.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir, e);
        }
    }
}
