package org.sarcomacds.security;

import java.util.List;

/**
 * The CDS client a request was authenticated as, handed to the rest of the pipeline as a request attribute.
 *
 * @param issuer      the trusted {@code iss}
 * @param tenant      the {@code tenant} claim, or null
 * @param fhirServers FHIR base URLs this client's {@code fhirServer} may name
 */
public record AuthenticatedClient(String issuer, String tenant, List<String> fhirServers) {

    /** The request attribute the authentication filter sets; absent when authentication is off. */
    public static final String ATTRIBUTE = AuthenticatedClient.class.getName();
}
