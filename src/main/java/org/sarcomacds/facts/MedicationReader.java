package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.sarcomacds.record.ReadElements;

/** Turns MedicationStatements, MedicationRequests and draft orders into drug exposure facts. */
final class MedicationReader {

    /** What it reads of medication uses and draft orders (the medication itself: {@link MedicationMatcher}). */
    static final List<ReadElements> READS = List.of(
            ReadElements.of(
                    "MedicationStatement", "id", "status", "statusReason", "medication[x]", "effective[x]", "dosage"),
            ReadElements.of(
                    "MedicationRequest",
                    "id",
                    "status",
                    "statusReason",
                    "medication[x]",
                    "authoredOn",
                    "dosageInstruction"));

    /** Statements that do not show the drug was given: planned only, not taken, or recorded in error. */
    private static final Set<String> NOT_GIVEN = Set.of("entered-in-error", "not-taken", "intended");
    /** Requests that never became an order that could be given. */
    private static final Set<String> NOT_ORDERED = Set.of("entered-in-error", "cancelled", "draft");

    private static final Set<String> CURRENT_REQUEST = Set.of("active", "on-hold");

    private final MedicationMatcher matcher;

    MedicationReader(MedicationMatcher matcher) {
        this.matcher = matcher;
    }

    List<Fact> statement(MedicationStatement statement) {
        String status = statement.hasStatus() ? statement.getStatus().toCode() : "unknown";
        if (NOT_GIVEN.contains(status)) {
            return List.of();
        }
        LocalDate start = statement.hasEffectivePeriod()
                ? Dates.of(statement.getEffectivePeriod().getStartElement())
                : statement.hasEffectiveDateTimeType() ? Dates.of(statement.getEffectiveDateTimeType()) : null;
        String when = statement.hasEffectivePeriod()
                ? period(statement.getEffectivePeriod())
                : statement.hasEffectiveDateTimeType()
                        ? statement.getEffectiveDateTimeType().getValueAsString()
                        : "";
        String reason = statement.getStatusReason().stream()
                .map(MedicationReader::text)
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElse("");
        return facts(
                matcher.match(statement, statement.getMedication()),
                FactExtractor.ref(statement),
                status,
                status.equals("active"),
                when,
                reason,
                start,
                dosePerCycle(statement.getDosage()));
    }

    List<Fact> request(MedicationRequest request) {
        String status = request.hasStatus() ? request.getStatus().toCode() : "unknown";
        if (NOT_ORDERED.contains(status)) {
            return List.of();
        }
        String when = request.hasAuthoredOn()
                ? "ordered " + request.getAuthoredOnElement().getValueAsString()
                : "";
        return facts(
                matcher.match(request, request.getMedication()),
                FactExtractor.ref(request),
                status,
                CURRENT_REQUEST.contains(status),
                when,
                text(request.getStatusReason()),
                Dates.of(request.getAuthoredOnElement()),
                dosePerCycle(request.getDosageInstruction()));
    }

    List<DraftOrder> drafts(Bundle draftOrders, List<String> selections) {
        List<DraftOrder> drafts = new ArrayList<>();
        if (draftOrders == null) {
            return drafts;
        }
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (entry.getResource() instanceof MedicationRequest request && request.hasMedication()) {
                String reference = FactExtractor.ref(request);
                boolean selected = selections.contains(reference);
                facts(matcher.match(request, request.getMedication()), reference, "draft", true, "", "", null, null)
                        .forEach(f -> drafts.add(new DraftOrder(f, selected)));
            }
        }
        return drafts;
    }

    private static List<Fact> facts(
            MedicationMatcher.Named named,
            String reference,
            String status,
            boolean current,
            String when,
            String reason,
            LocalDate start,
            Double perCycle) {
        return named.matches().stream()
                .map(m -> new Fact(
                        m.valueSet(),
                        named.display(),
                        reference,
                        status,
                        current,
                        when,
                        m.matchedOn(),
                        m.byName(),
                        reason,
                        start,
                        perCycle))
                .toList();
    }

    /**
     * A structured dose per cycle in g/m²: the dose quantity (g/m2 or mg/m2) times {@code timing.repeat.count}, the
     * number of administrations in the cycle. Free-text doses are not parsed.
     */
    static Double dosePerCycle(List<Dosage> dosages) {
        for (Dosage dosage : dosages) {
            for (Dosage.DosageDoseAndRateComponent doseAndRate : dosage.getDoseAndRate()) {
                if (doseAndRate.hasDoseQuantity()
                        && doseAndRate.getDoseQuantity().hasValue()) {
                    Double grams = gramsPerM2(doseAndRate.getDoseQuantity());
                    if (grams != null) {
                        int count = dosage.getTiming().getRepeat().hasCount()
                                ? dosage.getTiming().getRepeat().getCount()
                                : 1;
                        return Math.round(grams * count * 100) / 100.0;
                    }
                }
            }
        }
        return null;
    }

    private static Double gramsPerM2(Quantity dose) {
        String unit = (dose.hasCode() ? dose.getCode() : dose.getUnit() == null ? "" : dose.getUnit())
                .toLowerCase(Locale.ROOT)
                .replace("²", "2");
        double value = dose.getValue().doubleValue();
        return unit.equals("g/m2") ? Double.valueOf(value) : unit.equals("mg/m2") ? Double.valueOf(value / 1000) : null;
    }

    private static String period(Period period) {
        String start = period.hasStart() ? period.getStartElement().getValueAsString() : "?";
        return period.hasEnd() ? start + " to " + period.getEndElement().getValueAsString() : "since " + start;
    }

    private static String text(CodeableConcept concept) {
        if (concept == null || concept.isEmpty()) {
            return "";
        }
        return concept.hasText() ? concept.getText() : Displays.of(concept, "");
    }
}
