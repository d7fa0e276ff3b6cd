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
                    "MedicationStatement",
                    "id",
                    "status",
                    "statusReason",
                    "medication[x]",
                    "effective[x]",
                    "dosage",
                    "note"),
            ReadElements.of(
                    "MedicationRequest",
                    "id",
                    "status",
                    "statusReason",
                    "medication[x]",
                    "authoredOn",
                    "dosageInstruction",
                    "note"));

    /** Statements that do not show the drug was given: not taken, or recorded in error. */
    private static final Set<String> NOT_GIVEN = Set.of("entered-in-error", "not-taken");
    /** Requests that never became an order that could be given. */
    private static final Set<String> NOT_ORDERED = Set.of("entered-in-error", "cancelled", "draft");

    private static final Set<String> CURRENT_REQUEST = Set.of("active", "on-hold");

    private final MedicationMatcher matcher;
    private final UseReader uses;

    MedicationReader(MedicationMatcher matcher, UseReader uses) {
        this.matcher = matcher;
        this.uses = uses;
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
        List<String> reasons = new ArrayList<>(statement.getStatusReason().stream()
                .map(MedicationReader::text)
                .filter(t -> !t.isEmpty())
                .toList());
        String reason = reasons.isEmpty() ? "" : reasons.getFirst();
        statement.getNote().forEach(n -> reasons.add(n.getText()));
        LocalDate end = statement.hasEffectivePeriod()
                ? Dates.of(statement.getEffectivePeriod().getEndElement())
                : null;
        return facts(
                new Use(matcher.match(statement, statement.getMedication()), statement.getDosage(), status, reasons),
                new Fact(
                                "",
                                "",
                                FactExtractor.ref(statement),
                                status,
                                status.equals("active"),
                                when,
                                "",
                                false,
                                reason,
                                start,
                                dosePerCycle(statement.getDosage()))
                        .withEnd(end));
    }

    List<Fact> request(MedicationRequest request) {
        String status = request.hasStatus() ? request.getStatus().toCode() : "unknown";
        if (NOT_ORDERED.contains(status)) {
            return List.of();
        }
        String when = request.hasAuthoredOn()
                ? "ordered " + request.getAuthoredOnElement().getValueAsString()
                : "";
        String reason = text(request.getStatusReason());
        List<String> reasons = new ArrayList<>(List.of(reason));
        request.getNote().forEach(n -> reasons.add(n.getText()));
        return facts(
                new Use(
                        matcher.match(request, request.getMedication()),
                        request.getDosageInstruction(),
                        status,
                        reasons),
                new Fact(
                        "",
                        "",
                        FactExtractor.ref(request),
                        status,
                        CURRENT_REQUEST.contains(status),
                        when,
                        "",
                        false,
                        reason,
                        Dates.of(request.getAuthoredOnElement()),
                        dosePerCycle(request.getDosageInstruction())));
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
                facts(
                                new Use(
                                        matcher.match(request, request.getMedication()),
                                        request.getDosageInstruction(),
                                        "draft",
                                        List.of()),
                                new Fact("", "", reference, "draft", true, "", "", false))
                        .forEach(f -> drafts.add(new DraftOrder(f, selected)));
            }
        }
        return drafts;
    }

    /**
     * One fact per drug the medication matched, from the shape of the use ({@code template}: reference, status,
     * dates, reason). A non-systemic use (a shampoo, eye drops, an intravesical implant) is no exposure to a drug the
     * rules know: every rule is about a systemic effect. A name the free text doubts makes the fact unconfirmed.
     */
    private List<Fact> facts(Use use, Fact template) {
        if (use.named().matches().isEmpty()) {
            return List.of();
        }
        Route route = uses.route(use.named().product(), use.dosages());
        if (route.systemic() == Route.Systemic.NON_SYSTEMIC) {
            return List.of();
        }
        Fact.Stop stop = uses.stop(use.status(), use.reasons());
        List<Fact> facts = new ArrayList<>();
        for (Terminology.ConceptMatch m : use.named().matches()) {
            String note = m.uncertain()
                    ? Fact.UNCONFIRMED + " (\"" + m.doubt() + "\")"
                            + (template.note().isEmpty() ? "" : "; " + template.note())
                    : template.note();
            facts.add(new Fact(
                    m.valueSet(),
                    use.named().display(),
                    template.reference(),
                    template.status(),
                    template.current(),
                    template.when(),
                    m.matchedOn(),
                    m.byName(),
                    note,
                    template.start(),
                    template.gramsPerM2PerCycle(),
                    template.end(),
                    new Fact.Use(route, stop, uses.cyp3a(m.valueSet()))));
        }
        return facts;
    }

    /** A medication use as recorded: the drugs it names, its dosages, status and the reasons the record gives. */
    private record Use(MedicationMatcher.Named named, List<Dosage> dosages, String status, List<String> reasons) {}

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
