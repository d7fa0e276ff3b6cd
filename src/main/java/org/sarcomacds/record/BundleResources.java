package org.sarcomacds.record;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** The resources of a Bundle page, without the OperationOutcomes a server may add to a search. */
final class BundleResources {

    private BundleResources() {}

    static List<Resource> of(Bundle bundle) {
        List<Resource> resources = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource != null && !(resource instanceof OperationOutcome)) {
                resources.add(resource);
            }
        }
        return resources;
    }

    /** True when the Bundle reports an error in place of data (an OperationOutcome with error or fatal issues). */
    static boolean reportsError(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .anyMatch(r -> r instanceof OperationOutcome outcome && isError(outcome));
    }

    static boolean isError(OperationOutcome outcome) {
        return outcome.getIssue().isEmpty()
                || outcome.getIssue().stream()
                        .anyMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                                || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
    }
}
