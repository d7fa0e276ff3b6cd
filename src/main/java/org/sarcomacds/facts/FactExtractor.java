package org.sarcomacds.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.sarcomacds.facts.Terminology.ConceptMatch;
import org.sarcomacds.record.PatientRecord;
import org.springframework.stereotype.Component;

/** Derives the patient facts from a record and the draft orders, through the value sets in {@code hooks/}. */
@Component
public class FactExtractor {

    static final String MCODE_HISTOLOGY =
            "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
    private static final Set<String> NEVER_COUNTS = Set.of("entered-in-error", "refuted");
    private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");
    /** Statements that do not show the drug was given: planned only, not taken, or recorded in error. */
    private static final Set<String> NOT_GIVEN = Set.of("entered-in-error", "not-taken", "intended");
    /** Requests that never became an order that could be given. */
    private static final Set<String> NOT_ORDERED = Set.of("entered-in-error", "cancelled", "draft");

    private final Terminology terminology;

    FactExtractor(Terminology terminology) {
        this.terminology = terminology;
    }

    public PatientFacts extract(PatientRecord record, Bundle draftOrders, List<String> selections) {
        List<Fact> lms = new ArrayList<>();
        List<Fact> metastases = new ArrayList<>();
        for (Condition condition : record.conditions()) {
            String verification = code(condition.getVerificationStatus());
            if (verification != null && NEVER_COUNTS.contains(verification)) {
                continue;
            }
            for (Fact fact : conditionFacts(condition)) {
                if (fact.concept().equals(Concepts.LEIOMYOSARCOMA)) {
                    lms.add(fact);
                } else if (fact.concept().equals(Concepts.METASTATIC_DISEASE)) {
                    metastases.add(fact);
                }
            }
        }
        MedicationMatcher matcher = new MedicationMatcher(terminology, record.medications());
        List<Fact> medications = new ArrayList<>();
        record.medicationStatements().forEach(s -> medications.addAll(statementFacts(matcher, s)));
        record.medicationRequests().forEach(r -> medications.addAll(requestFacts(matcher, r)));
        return new PatientFacts(lms, metastases, medications, drafts(matcher, draftOrders, selections), record.gaps());
    }

    private List<Fact> conditionFacts(Condition condition) {
        List<ConceptMatch> matches = new ArrayList<>(terminology.match(condition.getCode()));
        for (Extension histology : condition.getExtensionsByUrl(MCODE_HISTOLOGY)) {
            if (histology.getValue() instanceof CodeableConcept morphology) {
                terminology.match(morphology).stream()
                        .filter(m -> matches.stream().noneMatch(x -> x.valueSet().equals(m.valueSet())))
                        .forEach(m -> matches.add(new ConceptMatch(m.valueSet(), "histology " + m.matchedOn(), m.byName())));
            }
        }
        String clinical = code(condition.getClinicalStatus());
        boolean active = clinical == null || ACTIVE_CLINICAL.contains(clinical);
        String display = Displays.of(condition.getCode(), "Condition");
        String onset = condition.hasOnsetDateTimeType() ? "onset " + condition.getOnsetDateTimeType().getValueAsString() : "";
        return matches.stream().map(m -> new Fact(m.valueSet(), display, ref(condition), clinical == null ? "unknown" : clinical,
                active, onset, m.matchedOn(), m.byName())).toList();
    }

    private static List<Fact> statementFacts(MedicationMatcher matcher, MedicationStatement statement) {
        String status = statement.hasStatus() ? statement.getStatus().toCode() : "unknown";
        if (NOT_GIVEN.contains(status)) {
            return List.of();
        }
        String when = statement.hasEffectivePeriod() ? period(statement.getEffectivePeriod())
                : statement.hasEffectiveDateTimeType() ? statement.getEffectiveDateTimeType().getValueAsString() : "";
        return facts(matcher.match(statement, statement.getMedication()), ref(statement), status,
                status.equals("active"), when);
    }

    private static List<Fact> requestFacts(MedicationMatcher matcher, MedicationRequest request) {
        String status = request.hasStatus() ? request.getStatus().toCode() : "unknown";
        if (NOT_ORDERED.contains(status)) {
            return List.of();
        }
        String when = request.hasAuthoredOn() ? "ordered " + request.getAuthoredOnElement().getValueAsString() : "";
        return facts(matcher.match(request, request.getMedication()), ref(request), status, status.equals("active"), when);
    }

    private static List<DraftOrder> drafts(MedicationMatcher matcher, Bundle draftOrders, List<String> selections) {
        List<DraftOrder> drafts = new ArrayList<>();
        if (draftOrders == null) {
            return drafts;
        }
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (entry.getResource() instanceof MedicationRequest request && request.hasMedication()) {
                boolean selected = selections.contains(ref(request));
                facts(matcher.match(request, request.getMedication()), ref(request), "draft", true, "")
                        .forEach(f -> drafts.add(new DraftOrder(f, selected)));
            }
        }
        return drafts;
    }

    private static List<Fact> facts(MedicationMatcher.Named named, String reference, String status, boolean current,
                                    String when) {
        return named.matches().stream()
                .map(m -> new Fact(m.valueSet(), named.display(), reference, status, current, when, m.matchedOn(), m.byName()))
                .toList();
    }

    private static String period(Period period) {
        String start = period.hasStart() ? period.getStartElement().getValueAsString() : "?";
        return period.hasEnd() ? start + " to " + period.getEndElement().getValueAsString() : "since " + start;
    }

    private static String code(CodeableConcept concept) {
        return concept == null ? null : concept.getCoding().stream().map(c -> c.getCode()).filter(c -> c != null)
                .findFirst().orElse(null);
    }

    private static String ref(org.hl7.fhir.r4.model.Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }
}
