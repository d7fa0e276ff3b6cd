package org.sarcomacds.security;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches a JWK Set for Nimbus: no redirects (a redirect could lead to keys we never allowlisted), short timeouts,
 * a size cap, and the same refusal of link-local and metadata addresses as FHIR fetches.
 */
final class JwksRetriever implements ResourceRetriever {

    private static final int MAX_BYTES = 256 * 1024;

    private final OkHttpClient http;

    JwksRetriever(HostResolver resolver) {
        this.http = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .dns(new SafeDns(resolver))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .get()
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IOException("JWK Set answered HTTP " + response.code());
            }
            ResponseBody body = response.body();
            if (body == null) {
                throw new IOException("JWK Set answer has no body");
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("JWK Set larger than " + MAX_BYTES + " bytes");
                }
                String type = response.header("Content-Type");
                return new Resource(new String(bytes, StandardCharsets.UTF_8), type);
            }
        }
    }
}
