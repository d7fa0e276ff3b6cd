package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.sarcomacds.facts.Terminology.ConceptMatch;
import org.sarcomacds.record.ReadElements;

/** Turns Conditions into diagnosis facts: histology, site and metastases, each citing its Condition. */
final class ConditionReader {

    /** What it reads of a Condition: the mCODE histology is an extension with a CodeableConcept value. */
    static final ReadElements READS = ReadElements.of(
            "Condition", "id", "code", "clinicalStatus", "verificationStatus", "onset[x]", "abatement[x]", "extension");

    static final String MCODE_HISTOLOGY =
            "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
    private static final Set<String> NEVER_COUNTS = Set.of("entered-in-error", "refuted");
    private static final Set<String> UNCONFIRMED = Set.of("provisional", "differential", "unconfirmed");
    private static final Set<String> ACTIVE_CLINICAL = Set.of("active", "recurrence", "relapse");

    private final Terminology terminology;

    ConditionReader(Terminology terminology) {
        this.terminology = terminology;
    }

    List<Fact> facts(Condition condition) {
        String verification = FactExtractor.code(condition.getVerificationStatus());
        if (verification != null && NEVER_COUNTS.contains(verification)) {
            return List.of();
        }
        List<ConceptMatch> matches = matches(condition);
        if (matches.stream().anyMatch(m -> m.valueSet().equals(Concepts.GIST) && !m.uncertain())) {
            matches.removeIf(m -> m.valueSet().equals(Concepts.LEIOMYOSARCOMA));
        }
        String clinical = FactExtractor.code(condition.getClinicalStatus());
        boolean active = clinical == null || ACTIVE_CLINICAL.contains(clinical);
        String note = verification != null && UNCONFIRMED.contains(verification)
                ? Fact.UNCONFIRMED + " (verification status " + verification + ")"
                : clinical == null ? "no clinical status recorded" : "";
        String display = Displays.of(condition.getCode(), "Condition");
        String onset = condition.hasOnsetDateTimeType()
                ? "onset " + condition.getOnsetDateTimeType().getValueAsString()
                : "";
        LocalDate abated = abatement(condition);
        String when = abated == null ? onset : (onset.isEmpty() ? "" : onset + ", ") + "abated " + abated;
        return matches.stream()
                .map(m -> new Fact(
                        m.valueSet(),
                        display,
                        FactExtractor.ref(condition),
                        clinical == null ? "unknown" : clinical,
                        active,
                        when,
                        m.matchedOn(),
                        m.byName(),
                        m.uncertain() && !note.startsWith(Fact.UNCONFIRMED)
                                ? Fact.UNCONFIRMED + " (\"" + m.doubt() + "\")"
                                : note,
                        condition.hasOnsetDateTimeType() ? Dates.of(condition.getOnsetDateTimeType()) : null,
                        null,
                        abated,
                        Fact.Use.NONE))
                .toList();
    }

    /** When the Condition abated: {@code abatementDateTime}, or the end (else the start) of {@code abatementPeriod}. */
    private static LocalDate abatement(Condition condition) {
        if (condition.hasAbatementDateTimeType()) {
            return Dates.of(condition.getAbatementDateTimeType());
        }
        if (condition.hasAbatementPeriod()) {
            LocalDate end = Dates.of(condition.getAbatementPeriod().getEndElement());
            return end != null ? end : Dates.of(condition.getAbatementPeriod().getStartElement());
        }
        return null;
    }

    private List<ConceptMatch> matches(Condition condition) {
        List<ConceptMatch> matches = new ArrayList<>(terminology.match(condition.getCode()));
        for (Extension histology : condition.getExtensionsByUrl(MCODE_HISTOLOGY)) {
            if (histology.getValue() instanceof CodeableConcept morphology) {
                for (ConceptMatch m : terminology.match(morphology)) {
                    // A coded histology outranks the same concept found only by name in the Condition's text.
                    matches.removeIf(x -> x.valueSet().equals(m.valueSet()) && x.byName() && !m.byName());
                    if (matches.stream().noneMatch(x -> x.valueSet().equals(m.valueSet()))) {
                        matches.add(
                                new ConceptMatch(m.valueSet(), "histology " + m.matchedOn(), m.byName(), m.doubt()));
                    }
                }
            }
        }
        return matches;
    }
}
