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
 * @param coordination what the client said about coordinating order-select and order-sign
 */
record HookRequest(
        Hook hook,
        String hookInstance,
        String patientId,
        Optional<FhirEndpoint> fhirServer,
        Map<String, String> tokens,
        Map<String, JsonNode> prefetch,
        Bundle draftOrders,
        List<String> selections,
        SignCoordination coordination) {

    String userId() {
        return tokens.get("context.userId");
    }

    /** The encounter in context, or null when the client sent none. */
    String encounterId() {
        return tokens.get("context.encounterId");
    }

    /**
     * The HL7 PDDI CDS configuration items of the request ({@code extension.pddi-configuration-items}): each null when
     * the client did not send it.
     *
     * @param cacheForOrderSign    order-select: may its cards keep order-sign from repeating them
     * @param filterRepeatedAlerts order-sign: leave out the cards answered at order-select
     */
    record SignCoordination(Boolean cacheForOrderSign, Boolean filterRepeatedAlerts) {

        static final SignCoordination NOT_SENT = new SignCoordination(null, null);
    }
}
