package org.sarcomacds.record;

import org.springframework.beans.factory.annotation.Autowired;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.sarcomacds.CdsProperties;
import org.springframework.stereotype.Component;

/**
 * Decides whether a {@code fhirServer} sent by a client may be contacted. The field is untrusted input: only
 * configured base URLs (and, where allowed, loopback) are called, and link-local or cloud-metadata addresses never.
 */
@Component
public class FhirServerPolicy {

    private final List<String> allowedServers;
    private final boolean allowLoopback;

    @Autowired
    FhirServerPolicy(CdsProperties properties) {
        this(properties.fetch().allowedServers(), properties.fetch().allowLoopback());
    }

    FhirServerPolicy(List<String> allowedServers, boolean allowLoopback) {
        this.allowedServers = allowedServers.stream().map(FhirServerPolicy::withoutTrailingSlash).toList();
        this.allowLoopback = allowLoopback;
    }

    public boolean permits(String fhirServer) {
        URI uri = parse(fhirServer);
        if (uri == null || uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null
                || uri.getFragment() != null || !isHttp(uri.getScheme())) {
            return false;
        }
        InetAddress[] addresses = resolve(uri.getHost());
        if (addresses.length == 0 || anyForbidden(addresses)) {
            return false;
        }
        return isAllowlisted(fhirServer) || (allowLoopback && allLoopback(addresses));
    }

    private boolean isAllowlisted(String fhirServer) {
        String url = withoutTrailingSlash(fhirServer);
        return allowedServers.stream().anyMatch(base -> url.equals(base) || url.startsWith(base + "/"));
    }

    /** Addresses no FHIR server of ours lives on: link-local (cloud metadata), wildcard and multicast. */
    static boolean isForbidden(InetAddress address) {
        return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()
                || address.getHostAddress().toLowerCase(Locale.ROOT).startsWith("fd00:ec2:");
    }

    private static boolean anyForbidden(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (isForbidden(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allLoopback(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean isHttp(String scheme) {
        return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
