package org.sarcomacds.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records feedback in the log, once per (service, card, outcome, timestamp): clients may send the same item again.
 * No patient data is in feedback, so none reaches the log. A database replaces this in a later release.
 */
@Component
class FeedbackLog {

    private static final Logger log = LoggerFactory.getLogger(FeedbackLog.class);
    private static final int REMEMBERED = 100_000;

    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** Returns true when the item is new. */
    synchronized boolean record(String serviceId, Feedback feedback) {
        String key = serviceId + "|" + feedback.card() + "|" + feedback.outcome() + "|" + feedback.outcomeTimestamp();
        boolean isNew = seen.add(key);
        if (isNew) {
            log.info("feedback service={} card={} outcome={} acceptedSuggestions={} overrideReason={}", serviceId,
                    LogText.token(feedback.card()), feedback.outcome(), feedback.acceptedSuggestions(),
                    LogText.token(feedback.overrideReason()));
        }
        return isNew;
    }
}
