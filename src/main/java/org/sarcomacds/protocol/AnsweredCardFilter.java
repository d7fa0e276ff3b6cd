package org.sarcomacds.protocol;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sarcomacds.CdsProperties;
import org.sarcomacds.cards.Card;
import org.sarcomacds.facts.Hook;
import org.sarcomacds.feedback.FeedbackStore;
import org.sarcomacds.feedback.IssuedCardWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * At order-sign, leaves out a warning or critical card that the same clinician answered (accepted or overrode) at
 * order-select for the same patient, encounter and draft orders, when the sign card is identical in substance to the
 * answered one: the same rule, indicator, summary and detail. A sign card that says anything new (a criterion that
 * failed since, a more urgent indicator) is shown. This is the coordination of order-select and
 * order-sign that the HL7 PDDI CDS implementation guide describes (docs/clinical-rules.md). It runs after the rules
 * and the cards, never inside a rule. The client decides per call with the guide's configuration items
 * ({@code extension.pddi-configuration-items}: {@code filter-out-repeated-alerts} at order-sign,
 * {@code cache-for-order-sign-filtering} at order-select); {@code cds.order-sign.skip-answered} is the default. When
 * the feedback store cannot say, every card is shown.
 */
@Component
class AnsweredCardFilter {

    private static final Logger log = LoggerFactory.getLogger(AnsweredCardFilter.class);

    private final FeedbackStore store;
    private final IssuedCardWriter issuedCards;
    private final boolean skipByDefault;

    @Autowired
    AnsweredCardFilter(FeedbackStore store, IssuedCardWriter issuedCards, CdsProperties properties) {
        this(store, issuedCards, properties.orderSign().skipAnswered());
    }

    AnsweredCardFilter(FeedbackStore store, IssuedCardWriter issuedCards, boolean skipByDefault) {
        this.store = store;
        this.issuedCards = issuedCards;
        this.skipByDefault = skipByDefault;
    }

    List<Card> apply(HookRequest request, List<Card> cards) {
        Boolean asked = request.coordination().filterRepeatedAlerts();
        boolean skip = asked != null ? asked : skipByDefault;
        if (request.hook() != Hook.ORDER_SIGN || !skip || request.encounterId() == null) {
            return cards;
        }
        List<Card> candidates =
                cards.stream().filter(AnsweredCardFilter::mayBeRepeat).toList();
        if (candidates.isEmpty()) {
            return cards;
        }
        try {
            issuedCards.flush(); // the order-select cards may still wait in the writer's queue
            Set<Card> answered = candidates.stream()
                    .filter(card ->
                            store.answeredAtSelect(request.patientId(), request.encounterId(), request.userId(), card))
                    .collect(Collectors.toSet());
            if (!answered.isEmpty()) {
                log.info(
                        "order-sign cards answered at order-select left out: {}",
                        answered.stream().map(Card::ruleId).sorted().toList());
            }
            return cards.stream().filter(card -> !answered.contains(card)).toList();
        } catch (DataAccessException e) {
            log.warn(
                    "answered order-select cards could not be read, every card is shown: {}",
                    e.getClass().getSimpleName());
            return cards;
        }
    }

    private static boolean mayBeRepeat(Card card) {
        return !card.indicator().equals("info") && !card.concerns().isEmpty();
    }
}
