package org.sarcomacds.record;

/**
 * The EHR's FHIR server for one hook call.
 *
 * @param baseUrl     the {@code fhirServer} of the request, already checked against the allowlist
 * @param bearerToken {@code fhirAuthorization.access_token}, or null for an open server
 */
public record FhirEndpoint(String baseUrl, String bearerToken) {

    @Override
    public String toString() {
        return "FhirEndpoint[" + baseUrl + (bearerToken == null ? ", open" : ", token=***") + "]";
    }
}
