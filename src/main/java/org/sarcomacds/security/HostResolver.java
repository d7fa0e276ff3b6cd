package org.sarcomacds.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Name resolution for every outbound call the service makes (FHIR fetches, JWK Sets). One bean, so the policy check
 * and the connection see the same answers, and tests can map test names to 127.0.0.1.
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
