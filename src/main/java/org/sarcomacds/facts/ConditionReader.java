package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Extension;
import org.sarcomacds.facts.NegationDetector.Verdict;
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
    private static final String CONFLICT = "the record conflicts: ";
    private static final String CONFLICT_WORDS = "coded, words \"";

    private final Terminology terminology;

    ConditionReader(Terminology terminology) {
        this.terminology = terminology;
    }

    List<Fact> facts(Condition condition) {
        String verification = FactExtractor.code(condition.getVerificationStatus());
        if (verification != null && NEVER_COUNTS.contains(verification)) {
            return List.of();
        }
        Map<String, String> conflicts = new HashMap<>();
        List<ConceptMatch> matches = matches(condition, conflicts);
        if (matches.stream()
                .anyMatch(m -> m.valueSet().equals(Concepts.GIST)
                        && !m.uncertain()
                        && !conflicts.containsKey(Concepts.GIST))) {
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
                        note(m, conflicts.get(m.valueSet()), note),
                        condition.hasOnsetDateTimeType() ? Dates.of(condition.getOnsetDateTimeType()) : null,
                        null,
                        abated,
                        Fact.Use.NONE))
                .toList();
    }

    /**
     * The note of one match: a code whose words negate it is conflicting data (said first, whatever the verification
     * status); then the verification status; then the words that doubt the name or the code.
     */
    private static String note(ConceptMatch match, String conflict, String note) {
        if (conflict != null) {
            return Fact.UNCONFIRMED + " (" + CONFLICT + match.matchedOn() + " " + CONFLICT_WORDS + conflict + "\")";
        }
        return match.uncertain() && !note.startsWith(Fact.UNCONFIRMED)
                ? Fact.UNCONFIRMED + " (\"" + match.doubt() + "\")"
                : note;
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

    /**
     * The matches of the Condition's code, then of its mCODE histology for a value set the code did not match. A
     * coded histology replaces a match by the name in the code's text ("Leiomyosarcoma of thigh" beside 8890/3), so
     * the card does not ask to check a diagnosis the record codes; a name the text doubts stays doubted. A code is
     * read with the clinician's words beside it ({@code code.text}, and the histology's own text): words that doubt
     * it make the match uncertain; words that negate it put the clause in {@code conflicts}, by value set.
     */
    private List<ConceptMatch> matches(Condition condition, Map<String, String> conflicts) {
        List<String> codeText = texts(condition.getCode());
        List<ConceptMatch> matches = new ArrayList<>();
        for (ConceptMatch m : terminology.match(condition.getCode())) {
            matches.add(m.byName() ? m : besideCode(m, codeText, conflicts));
        }
        for (Extension histology : condition.getExtensionsByUrl(MCODE_HISTOLOGY)) {
            if (histology.getValue() instanceof CodeableConcept morphology) {
                List<String> texts = new ArrayList<>(codeText);
                texts.addAll(texts(morphology));
                for (ConceptMatch m : terminology.match(morphology)) {
                    ConceptMatch coded =
                            new ConceptMatch(m.valueSet(), "histology " + m.matchedOn(), m.byName(), m.doubt());
                    if (!m.byName()) {
                        matches.removeIf(x -> x.valueSet().equals(m.valueSet()) && x.byName() && !x.uncertain());
                    }
                    if (matches.stream().noneMatch(x -> x.valueSet().equals(m.valueSet()))) {
                        matches.add(m.byName() ? coded : besideCode(coded, texts, conflicts));
                    }
                }
            }
        }
        return matches;
    }

    /** The coded match as the words beside it leave it: doubted, conflicting (in {@code conflicts}) or as it was. */
    private ConceptMatch besideCode(ConceptMatch coded, List<String> texts, Map<String, String> conflicts) {
        Verdict words = terminology.besideCode(coded.valueSet(), texts);
        return switch (words.assertion()) {
            case AFFIRMED -> coded;
            case UNCERTAIN -> new ConceptMatch(coded.valueSet(), coded.matchedOn(), false, words.clause());
            case NEGATED -> {
                conflicts.put(coded.valueSet(), words.clause());
                yield coded;
            }
        };
    }

    /** The clinician's words of a concept: its text, not the displays of its codes (their own names). */
    private static List<String> texts(CodeableConcept concept) {
        return concept.hasText() ? List.of(concept.getText()) : List.of();
    }
}
