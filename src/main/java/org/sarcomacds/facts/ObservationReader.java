package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.sarcomacds.facts.Terminology.ConceptMatch;
import org.sarcomacds.record.ReadElements;

/** Reads lab results, body measurements and NTRK fusion results from Observations. */
final class ObservationReader {

    /** What it reads of an Observation: components carry the gene and change type of a variant. */
    static final ReadElements READS = ReadElements.of(
            "Observation", "id", "status", "code", "value[x]", "referenceRange", "effective[x]", "issued", "component");

    private static final Set<String> RESULT_STATUSES = Set.of("final", "amended", "corrected");

    private final Terminology terminology;
    private final Map<String, LabResult> latest = new HashMap<>();
    private final List<Fact> ntrkResults = new ArrayList<>();

    ObservationReader(Terminology terminology, List<Observation> observations) {
        this.terminology = terminology;
        observations.stream()
                .filter(o ->
                        o.hasStatus() && RESULT_STATUSES.contains(o.getStatus().toCode()))
                .forEach(this::read);
    }

    Map<String, LabResult> latest() {
        return Map.copyOf(latest);
    }

    List<Fact> ntrkResults() {
        return List.copyOf(ntrkResults);
    }

    private void read(Observation observation) {
        for (ConceptMatch match : terminology.match(observation.getCode())) {
            if (match.byName()) {
                continue;
            }
            if (match.valueSet().equals(Concepts.GENETIC_VARIANT)) {
                readVariant(observation, match);
            } else if (Concepts.isObservation(match.valueSet())
                    && observation.hasValueQuantity()
                    && observation.getValueQuantity().hasValue()) {
                keepLatest(result(observation, match.valueSet()));
            }
        }
    }

    private void keepLatest(LabResult result) {
        LabResult known = latest.get(result.analyte());
        if (known == null
                || (result.date() != null
                        && (known.date() == null || result.date().isAfter(known.date())))) {
            latest.put(result.analyte(), result);
        }
    }

    private static LabResult result(Observation observation, String analyte) {
        Quantity quantity = observation.getValueQuantity();
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : "";
        Double high = observation.getReferenceRange().stream()
                .filter(r -> r.hasHigh() && r.getHigh().hasValue() && sameUnit(r.getHigh(), unit))
                .map(r -> r.getHigh().getValue().doubleValue())
                .findFirst()
                .orElse(null);
        return new LabResult(
                analyte,
                Displays.of(observation.getCode(), "Observation"),
                quantity.getValue().doubleValue(),
                unit,
                high,
                date(observation),
                FactExtractor.ref(observation));
    }

    /** A reference limit in another unit than the value is no ULN for it; a limit without a unit is taken as given. */
    private static boolean sameUnit(Quantity limit, String valueUnit) {
        String limitUnit = limit.hasCode() ? limit.getCode() : limit.hasUnit() ? limit.getUnit() : null;
        return limitUnit == null || limitUnit.equals(valueUnit);
    }

    private void readVariant(Observation observation, ConceptMatch match) {
        boolean ntrk = false;
        boolean fusion = false;
        String gene = "NTRK";
        for (Observation.ObservationComponentComponent component : observation.getComponent()) {
            if (!component.hasValueCodeableConcept()) {
                continue;
            }
            CodeableConcept value = component.getValueCodeableConcept();
            if (matches(component.getCode(), Concepts.GENE_STUDIED) && matches(value, Concepts.GENE_NTRK)) {
                ntrk = true;
                gene = Displays.of(value, "NTRK");
            } else if (matches(component.getCode(), Concepts.DNA_CHANGE_TYPE) && matches(value, Concepts.GENE_FUSION)) {
                fusion = true;
            }
        }
        if (!ntrk || !fusion) {
            return;
        }
        boolean present = observation.hasValueCodeableConcept()
                && matches(observation.getValueCodeableConcept(), Concepts.VARIANT_PRESENT);
        LocalDate date = date(observation);
        ntrkResults.add(new Fact(
                Concepts.NTRK_FUSION,
                gene + " fusion",
                FactExtractor.ref(observation),
                present ? "present" : "not reported present",
                present,
                date == null ? "" : date.toString(),
                match.matchedOn() + ", " + gene + ", gene_fusion",
                false,
                "",
                date,
                null));
    }

    private boolean matches(CodeableConcept concept, String valueSet) {
        return terminology.match(concept).stream()
                .anyMatch(m -> !m.byName() && m.valueSet().equals(valueSet));
    }

    static LocalDate date(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return Dates.of(observation.getEffectiveDateTimeType());
        }
        if (observation.hasEffectivePeriod()) {
            return Dates.of(observation.getEffectivePeriod().getStartElement());
        }
        return observation.hasIssued() ? Dates.of(observation.getIssuedElement()) : null;
    }
}
