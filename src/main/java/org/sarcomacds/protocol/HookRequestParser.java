package org.sarcomacds.protocol;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.feedback.StorableValues;
import org.sarcomacds.record.FhirEndpoint;
import org.sarcomacds.record.FhirMessages;
import org.sarcomacds.record.FhirServerPolicy;
import org.sarcomacds.record.PrefetchBinder;
import org.sarcomacds.security.AuthenticatedClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a hook call against CDS Hooks 2.0 and the hook's context definition. Unknown fields and {@code extension}
 * are ignored; FHIR inside the request is read leniently, as real clients send it.
 */
@Component
class HookRequestParser {

    private static final Logger log = LoggerFactory.getLogger(HookRequestParser.class);
    /** Request resources of DSTU2 and STU3 that R4 renamed: a sure sign the client speaks another FHIR version. */
    private static final Set<String> PRE_R4_ORDERS =
            Set.of("MedicationOrder", "ProcedureRequest", "DiagnosticOrder", "DeviceUseRequest", "ReferralRequest");

    private static final Map<String, String> USER_TOKENS = Map.of(
            "Practitioner", "userPractitionerId",
            "PractitionerRole", "userPractitionerRoleId",
            "Patient", "userPatientId",
            "RelatedPerson", "userRelatedPersonId");

    private final FhirContext fhir;
    private final FhirServerPolicy serverPolicy;
    private final CdsProperties.Limits limits;

    HookRequestParser(FhirContext fhir, FhirServerPolicy serverPolicy, CdsProperties properties) {
        this.fhir = fhir;
        this.serverPolicy = serverPolicy;
        this.limits = properties.limits();
    }

    /**
     * @param client the authenticated CDS client, or null when authentication is off; decides which FHIR servers
     *               the request's {@code fhirServer} may name
     */
    HookRequest parse(JsonNode body, ServiceDefinition service, AuthenticatedClient client) {
        if (!body.isObject()) {
            throw CdsRequestException.badRequest("The request body must be a JSON object");
        }
        String hook = requiredString(body, "hook", "hook");
        if (!hook.equals(service.hook().id())) {
            throw CdsRequestException.badRequest("Hook '" + hook + "' does not match service '" + service.id()
                    + "', which answers '" + service.hook().id() + "'");
        }
        Hook kind = service.hook();
        String hookInstance = requiredString(body, "hookInstance", "hookInstance");
        // stored with the issued cards: refused here rather than failing the store's batch (a UUID in practice)
        String problem = StorableValues.textProblem(hookInstance, Integer.MAX_VALUE);
        if (problem != null) {
            throw CdsRequestException.badRequest("'hookInstance' " + problem);
        }
        JsonNode context = body.get("context");
        if (context == null || !context.isObject()) {
            throw CdsRequestException.badRequest("'context' is required and must be an object");
        }
        String patientId = requiredString(context, "patientId", "context.patientId");
        String userId = requiredString(context, "userId", "context.userId");
        Map<String, JsonNode> prefetch = prefetch(body);
        checkEntryCount(prefetch, context.get("draftOrders"));
        Bundle drafts = kind.hasDraftOrders() ? draftOrders(context) : null;
        List<String> selections = kind.hasSelections() ? selections(context) : List.of();
        return new HookRequest(
                kind,
                hookInstance,
                patientId,
                fhirServer(body, client),
                tokens(context, userId),
                prefetch,
                drafts,
                selections,
                coordination(body));
    }

    /** The PDDI CDS IG's configuration items; a value that is not a boolean counts as not sent. */
    private static HookRequest.SignCoordination coordination(JsonNode body) {
        JsonNode items = body.path("extension").path("pddi-configuration-items");
        return new HookRequest.SignCoordination(
                flag(items.path("cache-for-order-sign-filtering")), flag(items.path("filter-out-repeated-alerts")));
    }

    private static Boolean flag(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : null;
    }

    private Bundle draftOrders(JsonNode context) {
        JsonNode drafts = context.get("draftOrders");
        if (drafts == null
                || !drafts.isObject()
                || !"Bundle".equals(drafts.path("resourceType").asString(""))) {
            throw CdsRequestException.badRequest("'context.draftOrders' is required and must be a FHIR Bundle");
        }
        for (JsonNode entry : drafts.path("entry")) {
            String type = entry.path("resource").path("resourceType").asString("");
            if (PRE_R4_ORDERS.contains(type)) {
                throw CdsRequestException.badRequest("'context.draftOrders' holds a " + type + ", which is not FHIR R4:"
                        + " this service speaks FHIR R4 only (use MedicationRequest or ServiceRequest)."
                        + " A CDS client on a DSTU2 FHIR server sends these; point it at an R4 server.");
            }
        }
        try {
            return (Bundle) PrefetchBinder.bind(fhir, drafts); // bound as prefetch is: the elements the facts read
        } catch (DataFormatException e) {
            throw CdsRequestException.badRequest(
                    "'context.draftOrders' is not a FHIR R4 Bundle: " + FhirMessages.withoutCode(e.getMessage()));
        } catch (RuntimeException e) {
            // HAPI fails with other exceptions on some shapes (an entry whose resource is a string): still the client's
            throw CdsRequestException.badRequest("'context.draftOrders' is not a FHIR R4 Bundle");
        }
    }

    private static List<String> selections(JsonNode context) {
        JsonNode selections = context.get("selections");
        if (selections == null || !selections.isArray()) {
            throw CdsRequestException.badRequest(
                    "'context.selections' is required for order-select and must be an array");
        }
        return selections.valueStream().map(s -> s.asString("")).toList();
    }

    private Optional<FhirEndpoint> fhirServer(JsonNode body, AuthenticatedClient client) {
        JsonNode server = body.get("fhirServer");
        JsonNode authorization = body.get("fhirAuthorization");
        if (server != null && !server.isNull() && !server.isString()) {
            throw CdsRequestException.badRequest("'fhirServer' must be a URL string");
        }
        if (server != null && server.isString()) {
            checkLength(server.asString(), "fhirServer");
        }
        String token = null;
        if (authorization != null && !authorization.isNull()) {
            if (server == null || server.isNull()) {
                throw CdsRequestException.badRequest("'fhirServer' is required when 'fhirAuthorization' is present");
            }
            JsonNode accessToken = authorization.path("access_token");
            if (!authorization.isObject()
                    || !accessToken.isString()
                    || accessToken.asString().isEmpty()) {
                throw CdsRequestException.badRequest(
                        "'fhirAuthorization.access_token' is required and must be a string");
            }
            token = accessToken.asString();
        }
        if (server == null || server.isNull()) {
            return Optional.empty();
        }
        boolean permitted = client == null
                ? serverPolicy.permits(server.asString())
                : serverPolicy.permitsForClient(server.asString(), client.fhirServers());
        if (!permitted) {
            log.warn(
                    "fhirServer is not on the allowlist {}; it will not be contacted",
                    client == null ? "of this service" : "of the authenticated client");
            return Optional.empty();
        }
        return Optional.of(new FhirEndpoint(server.asString(), token));
    }

    private Map<String, JsonNode> prefetch(JsonNode body) {
        JsonNode prefetch = body.get("prefetch");
        if (prefetch == null || prefetch.isNull()) {
            return Map.of();
        }
        if (!prefetch.isObject()) {
            throw CdsRequestException.badRequest("'prefetch' must be an object of prefetch keys");
        }
        if (prefetch.size() > limits.maxPrefetchKeys()) {
            throw new CdsRequestException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "'prefetch' has " + prefetch.size() + " keys; at most " + limits.maxPrefetchKeys()
                            + " are accepted");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        prefetch.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    /** Bundle entries in the prefetch and the draft orders together, within {@code cds.limits.max-entries}. */
    private void checkEntryCount(Map<String, JsonNode> prefetch, JsonNode draftOrders) {
        long entries = draftOrders == null ? 0 : draftOrders.path("entry").size();
        for (JsonNode value : prefetch.values()) {
            entries += value == null ? 0 : value.path("entry").size();
        }
        if (entries > limits.maxEntries()) {
            throw new CdsRequestException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request carries " + entries + " Bundle entries; at most " + limits.maxEntries()
                            + " are accepted");
        }
    }

    private void checkLength(String value, String name) {
        if (value.length() > limits.maxIdLength()) {
            throw CdsRequestException.badRequest(
                    "'" + name + "' is longer than " + limits.maxIdLength() + " characters");
        }
    }

    /** Root-level primitive context fields, and the user tokens the specification derives from {@code userId}. */
    private static Map<String, String> tokens(JsonNode context, String userId) {
        Map<String, String> tokens = new HashMap<>();
        context.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                tokens.put("context." + e.getKey(), e.getValue().asString());
            }
        });
        String[] user = userId.split("/", 2);
        if (user.length == 2 && USER_TOKENS.containsKey(user[0])) {
            tokens.put(USER_TOKENS.get(user[0]), user[1]);
        }
        return tokens;
    }

    private String requiredString(JsonNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw CdsRequestException.badRequest("'" + name + "' is required and must be a non-empty string");
        }
        checkLength(value.asString(), name);
        return value.asString();
    }
}
