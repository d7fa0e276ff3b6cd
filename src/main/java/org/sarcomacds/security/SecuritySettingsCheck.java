package org.sarcomacds.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sarcomacds.CdsProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with settings that would leave the service open: JWT on with no trusted client, JWT off on a
 * non-loopback address, and in the {@code prod} profile no public base URL, key locations that are not https, or the
 * public CDS Hooks sandbox as a trusted issuer (its private key is published).
 */
@Component
class SecuritySettingsCheck {

    static final String SANDBOX_ISSUER = "https://sandbox.cds-hooks.org";

    SecuritySettingsCheck(CdsProperties properties, Environment environment) {
        List<String> problems = problems(
                properties,
                environment.getProperty("server.address"),
                environment.acceptsProfiles(Profiles.of("prod")));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(CdsProperties properties, String serverAddress, boolean prod) {
        CdsProperties.Security security = properties.security();
        List<String> problems = new ArrayList<>();
        if (prod && !security.requireJwt()) {
            problems.add("the prod profile requires cds.security.require-jwt=true");
        }
        if (security.requireJwt() && security.clients().isEmpty()) {
            problems.add(
                    "cds.security.require-jwt is on but no trusted client is configured (cds.security.clients[0].issuer"
                            + " and .jwks-url)");
        }
        if (!security.requireJwt() && !isLoopback(serverAddress)) {
            problems.add("CDS clients are not authenticated (cds.security.require-jwt=false), so server.address must be"
                    + " a loopback address, not " + (serverAddress == null ? "all interfaces" : serverAddress));
        }
        for (CdsProperties.Client client : security.clients()) {
            if (blank(client.issuer()) || blank(client.jwksUrl())) {
                problems.add("every trusted client needs an issuer and a jwks-url");
                continue;
            }
            if (prod && isSandbox(client.issuer())) {
                problems.add("the prod profile refuses issuer " + SANDBOX_ISSUER + ": its private key is public");
            }
            if (prod) {
                List<String> locations = new ArrayList<>(client.allowedJku());
                locations.add(client.jwksUrl());
                locations.stream()
                        .filter(url -> !ClientKeys.isStatic(url) && !isHttpsOrLoopback(url))
                        .forEach(url -> problems.add("the prod profile needs https key locations, not " + url));
            }
        }
        if (prod && blank(properties.publicBaseUrl())) {
            problems.add("the prod profile requires cds.public-base-url (the expected JWT aud is computed from it)");
        }
        return problems;
    }

    private static boolean isSandbox(String issuer) {
        String normalised = issuer.trim().toLowerCase(Locale.ROOT);
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised.equals(SANDBOX_ISSUER) || normalised.equals("http://sandbox.cds-hooks.org");
    }

    private static boolean isHttpsOrLoopback(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equalsIgnoreCase(uri.getScheme())
                    || ("http".equalsIgnoreCase(uri.getScheme()) && isLoopback(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|\\[?[0-9a-f:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
