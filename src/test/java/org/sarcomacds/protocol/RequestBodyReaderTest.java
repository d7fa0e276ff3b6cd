package org.sarcomacds.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.record.UntrustedJson;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The body reader's limits on time and memory, without a server: a body that trickles past {@code body-timeout} or
 * whose read times out is a 408, and bodies held beyond {@code max-body-bytes-in-flight} are a 503 at once, until the
 * bodies held before them are let go.
 */
class RequestBodyReaderTest {

    private static RequestBodyReader reader(Map<String, String> settings) {
        CdsProperties properties =
                new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("cds", CdsProperties.class);
        return new RequestBodyReader(properties, new UntrustedJson(1_000_000));
    }

    private static MockHttpServletRequest post(InputStream body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/lms-patient-view") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        return body.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        return body.read(buffer, offset, length);
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
        };
        request.setContentType("application/json");
        return request;
    }

    private static InputStream json(int bytes) {
        String body = "{\"pad\":\"" + "x".repeat(bytes - 10) + "\"}";
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpStatus refusal(Runnable read) {
        return catchThrowableOfType(CdsRequestException.class, read::run).status();
    }

    @Test
    void bodiesBeyondTheMemoryBudgetAre503UntilTheHeldOnesAreLetGo() {
        RequestBodyReader reader = reader(Map.of("cds.capacity.max-body-bytes-in-flight", "40KB"));
        RequestBodyReader.Body held = reader.receive(post(json(20_000)));

        assertThat(refusal(() -> reader.receive(post(json(20_000))))).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        held.close();
        try (RequestBodyReader.Body next = reader.receive(post(json(20_000)))) {
            assertThat(reader.parse(next).path("pad").asString()).hasSize(19_990);
        }
    }

    @Test
    void aBodyThatTricklesPastTheBodyTimeoutIs408() {
        RequestBodyReader reader = reader(Map.of("cds.capacity.body-timeout", "300ms"));
        InputStream trickle = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return ' ';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                buffer[offset] = (byte) read();
                return 1;
            }
        };

        assertThat(refusal(() -> reader.receive(post(trickle)))).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
    }

    @Test
    void aReadThatTimesOutIs408() {
        RequestBodyReader reader = reader(Map.of());
        InputStream stalled = new InputStream() {
            @Override
            public int read() throws IOException {
                // what the container throws when no byte came within its connection timeout
                throw new IOException(new SocketTimeoutException("Read timed out"));
            }
        };

        assertThat(refusal(() -> reader.receive(post(stalled)))).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
    }
}
