package org.sarcomacds.record;

import okhttp3.HttpUrl;

/**
 * The EHR's FHIR server for one hook call.
 *
 * @param baseUrl     the {@code fhirServer} of the request, already checked against the allowlist
 * @param bearerToken {@code fhirAuthorization.access_token}, or null for an open server
 */
public record FhirEndpoint(String baseUrl, String bearerToken) {

    /**
     * True when {@code url} is the base URL or lies under it, compared as OkHttp sends them (scheme and host in lower
     * case, default port left out, {@code ..} segments resolved), so a link cannot leave the server by its spelling.
     */
    boolean covers(HttpUrl url) {
        HttpUrl base = HttpUrl.parse(baseUrl);
        if (base == null) {
            return false;
        }
        String root = FhirServerPolicy.withoutTrailingSlash(base.toString());
        String target = url.toString();
        return target.equals(root) || target.startsWith(root + "/") || target.startsWith(root + "?");
    }

    @Override
    public String toString() {
        return "FhirEndpoint[" + baseUrl + (bearerToken == null ? ", open" : ", token=***") + "]";
    }
}
