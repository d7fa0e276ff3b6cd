package org.sarcomacds.protocol;

import org.sarcomacds.record.FetchCapacityException;
import org.sarcomacds.record.InvalidPrefetchException;
import org.sarcomacds.record.RequiredDataUnavailableException;
import org.sarcomacds.security.AuthenticatedClient;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own stages called in the test's process, without HTTP: body bytes → {@link HookService} (the one
 * entry into the pipeline) → response bytes, or body bytes → {@link FeedbackParser}. Each call ends in the
 * status the endpoint would answer: the exceptions {@link ErrorAnswers} maps to a 4xx or a 503 become that status;
 * anything else escapes, as it would have become a 500. Thousands of fuzzed bodies a second this way, where HTTP
 * manages a hundred.
 */
public final class InProcessCalls {

    private final ServiceCatalog catalog;
    private final RequestBodyReader bodies;
    private final FeedbackParser feedbackParser;
    private final HookService hooks;
    private final JsonMapper mapper;

    public InProcessCalls(ApplicationContext context) {
        this.catalog = context.getBean(ServiceCatalog.class);
        this.bodies = context.getBean(RequestBodyReader.class);
        this.feedbackParser = context.getBean(FeedbackParser.class);
        this.hooks = context.getBean(HookService.class);
        this.mapper = context.getBeanProvider(JsonMapper.class)
                .getIfAvailable(() -> JsonMapper.builder().build());
    }

    /**
     * One POST to {@code /cds-services/{id}} or {@code /cds-services/{id}/feedback}, from {@code client} (null:
     * authentication off); answers the HTTP status.
     */
    public int post(String serviceId, boolean feedback, byte[] body, AuthenticatedClient client) {
        try {
            if (catalog.find(serviceId).isEmpty()) {
                return 404;
            }
            if (feedback) {
                feedbackParser.parse(bodies.parse(body));
                return 200;
            }
            mapper.writeValueAsBytes(hooks.call(serviceId, body, client).response());
            return 200;
        } catch (CdsRequestException e) {
            return e.status().value();
        } catch (InvalidPrefetchException e) {
            return 400;
        } catch (RequiredDataUnavailableException e) {
            return 412;
        } catch (FetchCapacityException e) {
            return 503;
        }
    }
}
