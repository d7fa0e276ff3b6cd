package org.sarcomacds.protocol;

import java.util.List;
import org.sarcomacds.cards.Card;
import org.sarcomacds.cards.CardFactory;
import org.sarcomacds.facts.FactExtractor;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.record.PatientRecord;
import org.sarcomacds.record.RecordAssembler;
import org.sarcomacds.record.RecordRequest;
import org.sarcomacds.rules.RuleEngine;
import org.springframework.stereotype.Component;

/** The one way through: validated request → patient record → facts → rules → cards. */
@Component
class HookHandler {

    private final RecordAssembler records;
    private final FactExtractor facts;
    private final RuleEngine rules;
    private final CardFactory cards;

    HookHandler(RecordAssembler records, FactExtractor facts, RuleEngine rules, CardFactory cards) {
        this.records = records;
        this.facts = facts;
        this.rules = rules;
        this.cards = cards;
    }

    List<Card> handle(ServiceDefinition service, HookRequest request) {
        PatientRecord record = records.assemble(new RecordRequest(
                request.patientId(),
                service.prefetch(),
                service.requiredPrefetch(),
                request.tokens(),
                request.prefetch(),
                request.fhirServer()));
        PatientFacts patientFacts = facts.extract(record, request.hook(), request.draftOrders(), request.selections());
        return cards.cards(rules.evaluate(patientFacts), request.patientId());
    }
}
