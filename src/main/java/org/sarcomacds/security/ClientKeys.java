package org.sarcomacds.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sarcomacds.CdsProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * Public keys of the trusted clients, one cached source per configured JWK Set location. Sources exist only for
 * locations named in the configuration, so a token can never make us fetch from a URL of its choosing. A remote
 * set is cached and fetched again when a token names an unknown {@code kid}, at most once per cooldown (Nimbus's
 * caching and rate-limited sources).
 */
final class ClientKeys {

    private final ConcurrentMap<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();
    private final JwksRetriever retriever;
    private final CdsProperties.Security settings;
    private final ResourceLoader resources = new DefaultResourceLoader(ClientKeys.class.getClassLoader());

    ClientKeys(JwksRetriever retriever, CdsProperties.Security settings) {
        this.retriever = retriever;
        this.settings = settings;
    }

    /** The public keys at a configured location that fit the header ({@code kid}, key type, algorithm, use). */
    List<JWK> matching(String location, JWSHeader header) throws KeySourceException {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return source(location).get(selector, null).stream()
                .map(JWK::toPublicJWK)
                .toList();
    }

    private JWKSource<SecurityContext> source(String location) throws KeySourceException {
        JWKSource<SecurityContext> source = sources.get(location);
        if (source == null) {
            source = create(location);
            JWKSource<SecurityContext> raced = sources.putIfAbsent(location, source);
            source = raced == null ? source : raced;
        }
        return source;
    }

    private JWKSource<SecurityContext> create(String location) throws KeySourceException {
        if (isStatic(location)) {
            try (InputStream in = resources.getResource(location).getInputStream()) {
                return new ImmutableJWKSet<>(JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException | ParseException e) {
                throw new KeySourceException("JWK Set " + location + " could not be read: " + e.getMessage(), e);
            }
        }
        try {
            return JWKSourceBuilder.<SecurityContext>create(URI.create(location).toURL(), retriever)
                    .cache(settings.jwksCacheTtl().toMillis(), 5_000)
                    .rateLimited(settings.jwksRefreshCooldown().toMillis())
                    .retrying(false)
                    .refreshAheadCache(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new KeySourceException("JWK Set URL is not a URL: " + location, e);
        }
    }

    static boolean isStatic(String location) {
        return location.startsWith("classpath:") || location.startsWith("file:");
    }
}
