package org.sarcomacds.record;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.security.HostResolver;
import org.sarcomacds.security.SafeDns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a {@code fhirServer} sent by a client may be contacted. The field is untrusted input: only
 * allowlisted base URLs (and, without authentication and where allowed, a URL naming loopback) are called, never
 * link-local or cloud-metadata addresses, and with {@code cds.fetch.require-https} plain http only on an explicit
 * loopback host.
 */
@Component
public class FhirServerPolicy {

    private final List<String> allowedServers;
    private final boolean allowLoopback;
    private final boolean requireHttps;
    private final HostResolver resolver;

    @Autowired
    FhirServerPolicy(CdsProperties properties, HostResolver resolver) {
        this(
                properties.fetch().allowedServers(),
                properties.fetch().allowLoopback(),
                properties.fetch().requireHttps(),
                resolver);
    }

    FhirServerPolicy(List<String> allowedServers, boolean allowLoopback) {
        this(allowedServers, allowLoopback, false, HostResolver.SYSTEM);
    }

    FhirServerPolicy(List<String> allowedServers, boolean allowLoopback, boolean requireHttps, HostResolver resolver) {
        this.allowedServers = normalised(allowedServers);
        this.allowLoopback = allowLoopback;
        this.requireHttps = requireHttps;
        this.resolver = resolver;
    }

    /** For an unauthenticated call (JWT off): the global allowlist, and loopback when allowed. */
    public boolean permits(String fhirServer) {
        URI uri = wellFormed(fhirServer);
        if (uri == null) {
            return false;
        }
        if (isUnder(fhirServer, allowedServers)) {
            return safeAddresses(uri).length > 0;
        }
        // names are only resolved for a URL that could be allowed: an unlisted host costs no DNS query
        return allowLoopback && isLoopbackName(uri.getHost()) && allLoopback(safeAddresses(uri));
    }

    /** For an authenticated client: only the FHIR servers configured for that client. */
    public boolean permitsForClient(String fhirServer, List<String> clientServers) {
        URI uri = wellFormed(fhirServer);
        return uri != null && isUnder(fhirServer, normalised(clientServers)) && safeAddresses(uri).length > 0;
    }

    private static URI wellFormed(String fhirServer) {
        URI uri = parse(fhirServer);
        if (uri == null
                || uri.getHost() == null
                || uri.getUserInfo() != null
                || uri.getQuery() != null
                || uri.getFragment() != null
                || !isHttp(uri.getScheme())) {
            return null;
        }
        return uri;
    }

    /** The addresses of the URL's host if it is safe to call, or none. */
    private InetAddress[] safeAddresses(URI uri) {
        InetAddress[] addresses = resolve(uri.getHost());
        if (addresses.length == 0 || anyForbidden(addresses)) {
            return new InetAddress[0];
        }
        boolean plainHttp = "http".equalsIgnoreCase(uri.getScheme());
        if (requireHttps && plainHttp && !(isLoopbackName(uri.getHost()) && allLoopback(addresses))) {
            return new InetAddress[0];
        }
        return addresses;
    }

    private static boolean isUnder(String fhirServer, List<String> bases) {
        String url = withoutTrailingSlash(fhirServer);
        return bases.stream().anyMatch(base -> url.equals(base) || url.startsWith(base + "/"));
    }

    /** The URL itself names this machine (not merely a name that happens to resolve to it). */
    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.matches("127(\\.\\d{1,3}){3}");
    }

    private static boolean anyForbidden(InetAddress[] addresses) {
        for (InetAddress address : addresses) {
            if (SafeDns.isForbidden(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allLoopback(InetAddress[] addresses) {
        if (addresses.length == 0) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }

    private InetAddress[] resolve(String host) {
        try {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return resolver.resolve(bare).toArray(InetAddress[]::new);
        } catch (UnknownHostException | RuntimeException e) {
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

    private static List<String> normalised(List<String> urls) {
        return urls.stream().map(FhirServerPolicy::withoutTrailingSlash).toList();
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
