package org.sarcomacds.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * Name resolution for every outbound call (FHIR fetches, JWK Set fetches) that refuses link-local and metadata
 * addresses, even if a name is re-pointed after the allowlist check. The one rule of which addresses the service never
 * calls ({@link #isForbidden}) lives here; the FHIR server policy applies it to URLs before a call.
 */
public final class SafeDns implements Dns {

    private final HostResolver resolver;

    public SafeDns(HostResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(hostname);
        for (InetAddress address : addresses) {
            if (isForbidden(address)) {
                throw new UnknownHostException("Refused address for an outbound call");
            }
        }
        return addresses;
    }

    /** Addresses no server of ours lives on: link-local (cloud metadata), wildcard and multicast. */
    public static boolean isForbidden(InetAddress address) {
        return address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()
                || address.getHostAddress().toLowerCase(Locale.ROOT).startsWith("fd00:ec2:");
    }
}
