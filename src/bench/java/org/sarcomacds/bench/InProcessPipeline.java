package org.sarcomacds.bench;

import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.protocol.HookService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own stages without HTTP, through the pipeline's one entry ({@link HookService#call}): request bytes →
 * request → record, facts, rules, cards → response bytes, with the beans of a real application context.
 */
public final class InProcessPipeline implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final HookService hooks;
    private final JsonMapper mapper;

    public InProcessPipeline() {
        context = new SpringApplicationBuilder(SarcomaCdsApplication.class)
                .web(WebApplicationType.NONE)
                .run("--logging.level.root=warn", "--spring.main.banner-mode=off");
        hooks = context.getBean(HookService.class);
        mapper = context.getBean(JsonMapper.class);
    }

    /** One hook call, as the endpoint makes it (authentication off, as in the demo default); the response body. */
    public byte[] call(String serviceId, byte[] body) {
        return mapper.writeValueAsBytes(hooks.call(serviceId, body, null).response());
    }

    @Override
    public void close() {
        context.close();
    }
}
