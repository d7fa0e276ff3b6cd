package org.sarcomacds.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Resource;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.knowledge.EvaluationDate;
import org.sarcomacds.record.PatientRecord;
import org.sarcomacds.record.ReadElements;
import org.springframework.stereotype.Component;

/** Derives the patient facts from a record and the draft orders, through the value sets in {@code hooks/}. */
@Component
public class FactExtractor {

    /** Every element the fact readers read, by resource type (each reader declares its own). */
    public static final List<ReadElements> READS = Stream.of(
                    List.of(ConditionReader.READS, ObservationReader.READS, Demographics.READS),
                    MedicationReader.READS,
                    MedicationMatcher.READS)
            .flatMap(List::stream)
            .toList();

    private final Terminology terminology;
    private final ProductIngredients products;
    private final ClinicalParameters parameters;
    private final EvaluationDate evaluationDate;

    FactExtractor(
            Terminology terminology,
            ProductIngredients products,
            ClinicalParameters parameters,
            EvaluationDate evaluationDate) {
        this.terminology = terminology;
        this.products = products;
        this.parameters = parameters;
        this.evaluationDate = evaluationDate;
    }

    /**
     * @param hook        the hook the facts are for: it decides which drafts are under review
     * @param draftOrders the draft orders of an order hook, else null
     * @param selections  order-select {@code selections}, else empty
     */
    public PatientFacts extract(PatientRecord record, Hook hook, Bundle draftOrders, List<String> selections) {
        ConditionReader conditionReader = new ConditionReader(terminology);
        List<Fact> conditions = new ArrayList<>();
        record.conditions().forEach(c -> conditions.addAll(conditionReader.facts(c)));

        MedicationReader medicationReader = new MedicationReader(
                new MedicationMatcher(terminology, products, record.medications()), new UseReader(terminology));
        List<Fact> medications = new ArrayList<>();
        record.medicationStatements().forEach(s -> medications.addAll(medicationReader.statement(s)));
        record.medicationRequests().forEach(r -> medications.addAll(medicationReader.request(r)));

        ObservationReader observations =
                new ObservationReader(terminology, record.observations(), Demographics.of(record.patient()));
        LocalDate today = evaluationDate.today();
        Map<String, LabResult> latest = observations.latest();
        BodyMeasurements body = new BodyMeasurer(parameters.body(), today)
                .measure(
                        latest.get(Concepts.HEIGHT),
                        latest.get(Concepts.WEIGHT),
                        observations.previous(Concepts.WEIGHT),
                        latest.get(Concepts.BODY_SURFACE_AREA));
        return new PatientFacts(
                hook,
                today,
                conditions,
                medications,
                medicationReader.drafts(draftOrders, selections),
                latest,
                body,
                latestEcog(observations.ecogs(), today),
                latestUnreadable(observations.unreadableEcogs()),
                latestPregnancy(
                        observations.pregnancies(),
                        today.minusDays(parameters.pregnancy().lookbackDays())),
                observations.ntrkResults(),
                record.gaps());
    }

    /** The latest dated ECOG result, marked recent when it is at most {@code ecog.validDays} old. */
    private Optional<Ecog> latestEcog(List<Ecog> ecogs, LocalDate today) {
        int validDays = parameters.ecog().validDays();
        return ecogs.stream()
                .filter(e -> e.date() != null)
                .max(Comparator.comparing(Ecog::date))
                .map(e -> new Ecog(
                        e.score(),
                        e.date(),
                        e.reference(),
                        e.matchedOn(),
                        ChronoUnit.DAYS.between(e.date(), today) <= validDays));
    }

    /** The latest ECOG result whose grade could not be read: a dated one before an undated one. */
    private static Optional<Fact> latestUnreadable(List<Fact> unreadable) {
        return unreadable.stream()
                .max(Comparator.comparing(Fact::start, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /**
     * The latest dated pregnancy status or hCG result within {@code pregnancy.lookbackDays}: a later "not pregnant"
     * clears an earlier positive; on the same day a positive wins. An hCG that cannot be judged clears nothing: it is
     * the answer only when no positive stands and it is not older than the latest "not pregnant" (then the card says
     * hCG cannot be judged rather than nothing).
     */
    static Optional<Pregnancy> latestPregnancy(List<Pregnancy> results, LocalDate from) {
        List<Pregnancy> recent = results.stream()
                .filter(p -> p.date() != null && !p.date().isBefore(from))
                .toList();
        Optional<Pregnancy> judged = recent.stream()
                .filter(Pregnancy::judged)
                .max(Comparator.comparing(Pregnancy::date).thenComparing(Pregnancy::pregnant));
        if (judged.isPresent() && judged.get().pregnant()) {
            return judged;
        }
        Optional<Pregnancy> notJudged = recent.stream()
                .filter(p -> !p.judged())
                .filter(p -> judged.isEmpty() || !p.date().isBefore(judged.get().date()))
                .max(Comparator.comparing(Pregnancy::date));
        return notJudged.isPresent() ? notJudged : judged;
    }

    static String code(CodeableConcept concept) {
        return concept == null
                ? null
                : concept.getCoding().stream()
                        .map(c -> c.getCode())
                        .filter(c -> c != null)
                        .findFirst()
                        .orElse(null);
    }

    static String ref(Resource resource) {
        return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }
}
