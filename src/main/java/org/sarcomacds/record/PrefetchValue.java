package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;

/**
 * What one prefetch key of a request means, following the CDS Hooks 2.0 rules: absent or an error means "fetch
 * it", {@code null} means "no data", a resource or Bundle is data (and a Bundle may have more pages).
 */
sealed interface PrefetchValue {

    /** The client did not satisfy the key, or reported an error instead of data. */
    record Missing(String why) implements PrefetchValue {}

    /** Data as sent; {@code morePages} is the first page when its {@code next} link still has to be followed. */
    record Data(List<Resource> resources, Bundle morePages) implements PrefetchValue {}

    static PrefetchValue read(FhirContext fhir, String key, JsonNode sent) {
        if (sent == null) {
            return new Missing("not prefetched");
        }
        if (sent.isNull()) {
            return new Data(List.of(), null);
        }
        IBaseResource parsed = parse(fhir, key, sent);
        if (parsed instanceof OperationOutcome outcome) {
            return new Missing("the client reported an error (OperationOutcome)");
        }
        if (parsed instanceof Bundle bundle) {
            if (BundleResources.reportsError(bundle)) {
                return new Missing("the client reported an error (OperationOutcome)");
            }
            return new Data(BundleResources.of(bundle), bundle.getLink(Bundle.LINK_NEXT) != null ? bundle : null);
        }
        return new Data(List.of((Resource) parsed), null);
    }

    private static IBaseResource parse(FhirContext fhir, String key, JsonNode sent) {
        if (!sent.isObject()) {
            throw new InvalidPrefetchException("prefetch key '" + key + "' must be a FHIR resource, a Bundle or null");
        }
        try {
            return PrefetchBinder.bind(fhir, sent);
        } catch (DataFormatException e) {
            throw new InvalidPrefetchException(
                    "prefetch key '" + key + "' is not FHIR R4 JSON: " + FhirMessages.withoutCode(e.getMessage()));
        } catch (RuntimeException e) {
            // HAPI fails with other exceptions on some shapes (an entry whose resource is a string): still the client's
            throw new InvalidPrefetchException("prefetch key '" + key + "' is not FHIR R4 JSON");
        }
    }
}
