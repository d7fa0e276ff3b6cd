package org.sarcomacds.protocol;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.cards.Card;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own stages without HTTP: request bytes → {@link RequestBodyReader} → {@link HookRequestParser} →
 * {@link HookHandler} (record, facts, rules, cards) → response bytes, with the beans of a real application context.
 * In this package because the stages are package-private; bench code only.
 */
public final class InProcessPipeline implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final RequestBodyReader bodies;
    private final HookRequestParser parser;
    private final HookHandler handler;
    private final ServiceCatalog catalog;
    private final JsonMapper mapper;

    public InProcessPipeline() {
        context = new SpringApplicationBuilder(SarcomaCdsApplication.class)
                .web(WebApplicationType.NONE)
                .run("--logging.level.root=warn", "--spring.main.banner-mode=off");
        bodies = context.getBean(RequestBodyReader.class);
        parser = context.getBean(HookRequestParser.class);
        handler = context.getBean(HookHandler.class);
        catalog = context.getBean(ServiceCatalog.class);
        mapper = context.getBean(JsonMapper.class);
    }

    /** One hook call, as the controller makes it; answers the response body. */
    public byte[] call(String serviceId, byte[] body) {
        ServiceDefinition service = catalog.find(serviceId).orElseThrow();
        MockHttpServletRequest http = new MockHttpServletRequest("POST", "/cds-services/" + serviceId) {
            @Override
            public ServletInputStream getInputStream() {
                return new BodyStream(body);
            }
        };
        http.setContentType("application/json");
        http.setContent(body);
        HookRequest request =
                parser.parse(bodies.read(http), service, null); // authentication off, as in the demo default
        List<Card> cards = handler.handle(service, request);
        return mapper.writeValueAsBytes(CdsResponse.of(cards));
    }

    /** Reads in bulk like the container's stream does (the mock's stream reads byte by byte). */
    private static final class BodyStream extends ServletInputStream {

        private final ByteArrayInputStream in;

        BodyStream(byte[] body) {
            in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
