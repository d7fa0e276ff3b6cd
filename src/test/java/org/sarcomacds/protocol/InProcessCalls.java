package org.sarcomacds.protocol;

import java.util.List;
import java.util.Optional;
import org.sarcomacds.cards.Card;
import org.sarcomacds.record.FetchCapacityException;
import org.sarcomacds.record.InvalidPrefetchException;
import org.sarcomacds.record.RequiredDataUnavailableException;
import org.sarcomacds.security.AuthenticatedClient;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own stages called in the test's process, without HTTP: body bytes → {@link RequestBodyReader} →
 * {@link HookRequestParser} → {@link HookHandler} → response bytes, or the feedback parser. Each call ends in the
 * status the endpoint would answer: the exceptions {@link ErrorAnswers} maps to a 4xx or a 503 become that status;
 * anything else escapes, as it would have become a 500. Thousands of fuzzed bodies a second this way, where HTTP
 * manages a hundred.
 */
public final class InProcessCalls {

    private final ServiceCatalog catalog;
    private final RequestBodyReader bodies;
    private final HookRequestParser parser;
    private final HookHandler handler;
    private final JsonMapper mapper;

    public InProcessCalls(ApplicationContext context) {
        this.catalog = context.getBean(ServiceCatalog.class);
        this.bodies = context.getBean(RequestBodyReader.class);
        this.parser = context.getBean(HookRequestParser.class);
        this.handler = context.getBean(HookHandler.class);
        this.mapper = context.getBeanProvider(JsonMapper.class)
                .getIfAvailable(() -> JsonMapper.builder().build());
    }

    /**
     * One POST to {@code /cds-services/{id}} or {@code /cds-services/{id}/feedback}, from {@code client} (null:
     * authentication off); answers the HTTP status.
     */
    public int post(String serviceId, boolean feedback, byte[] body, AuthenticatedClient client) {
        try {
            Optional<ServiceDefinition> service = catalog.find(serviceId);
            if (service.isEmpty()) {
                return 404;
            }
            if (feedback) {
                FeedbackParser.parse(bodies.parse(body));
                return 200;
            }
            List<Card> cards = handler.handle(service.get(), parser.parse(bodies.parse(body), service.get(), client));
            mapper.writeValueAsBytes(CdsResponse.of(cards));
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
