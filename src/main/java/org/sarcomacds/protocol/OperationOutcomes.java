package org.sarcomacds.protocol;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Error answers: an OperationOutcome with one readable diagnostic, as CDS Hooks 3.0 recommends and 2.0 allows. */
@Component
class OperationOutcomes {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final FhirContext fhir;

    OperationOutcomes(FhirContext fhir) {
        this.fhir = fhir;
    }

    ResponseEntity<String> answer(HttpStatus status, String diagnostic) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(
                        status.is5xxServerError()
                                ? OperationOutcome.IssueSeverity.FATAL
                                : OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(status))
                .setDiagnostics(diagnostic);
        return ResponseEntity.status(status)
                .contentType(FHIR_JSON)
                .body(fhir.newJsonParser().encodeResourceToString(outcome));
    }

    private static OperationOutcome.IssueType issueType(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> OperationOutcome.IssueType.NOTFOUND;
            case FORBIDDEN, UNAUTHORIZED -> OperationOutcome.IssueType.SECURITY;
            case PRECONDITION_FAILED -> OperationOutcome.IssueType.INCOMPLETE;
            case PAYLOAD_TOO_LARGE -> OperationOutcome.IssueType.TOOCOSTLY;
            case METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE -> OperationOutcome.IssueType.NOTSUPPORTED;
            case INTERNAL_SERVER_ERROR -> OperationOutcome.IssueType.EXCEPTION;
            case SERVICE_UNAVAILABLE -> OperationOutcome.IssueType.TRANSIENT;
            case TOO_MANY_REQUESTS -> OperationOutcome.IssueType.THROTTLED;
            default -> OperationOutcome.IssueType.INVALID;
        };
    }
}
