package org.sarcomacds.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What the record stage needs from a validated hook call.
 *
 * @param patientId  the patient of the hook context; data about anyone else is ignored
 * @param templates  the service's prefetch templates by key
 * @param required   keys the rules cannot decide without
 * @param tokens     values for the {@code {{...}}} tokens of the templates, e.g. {@code context.patientId}
 * @param prefetch   the prefetch the client sent; a key mapped to a JSON null means "no data"
 * @param fhirServer where to fetch what is missing, if the client named a server this service may call
 */
public record RecordRequest(
        String patientId,
        Map<String, String> templates,
        List<String> required,
        Map<String, String> tokens,
        Map<String, JsonNode> prefetch,
        Optional<FhirEndpoint> fhirServer) {}
