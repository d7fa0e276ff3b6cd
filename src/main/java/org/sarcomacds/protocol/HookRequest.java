package org.sarcomacds.protocol;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.record.FhirEndpoint;
import tools.jackson.databind.JsonNode;

/**
 * A hook call that passed validation.
 *
 * @param fhirServer  the client's FHIR server, only when this service may call it (with the token, if any)
 * @param tokens      values for prefetch template tokens ({@code context.patientId}, {@code userPractitionerId}, …)
 * @param prefetch    the prefetch as sent: key to resource, Bundle or JSON null
 * @param draftOrders parsed draft orders of an order hook, else null
 * @param selections  order-select {@code selections}, else empty
 */
record HookRequest(
        Hook hook,
        String hookInstance,
        String patientId,
        Optional<FhirEndpoint> fhirServer,
        Map<String, String> tokens,
        Map<String, JsonNode> prefetch,
        Bundle draftOrders,
        List<String> selections) {}
