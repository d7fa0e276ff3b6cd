package org.sarcomacds.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.sarcomacds.facts.Terminology.ConceptMatch;
import org.sarcomacds.record.ReadElements;

/**
 * Reads lab results, body measurements, ECOG, pregnancy and hCG results and NTRK fusion results from Observations.
 */
final class ObservationReader {

    /** What it reads of an Observation: components carry the gene and change type of a variant. */
    static final ReadElements READS = ReadElements.of(
            "Observation",
            "id",
            "status",
            "code",
            "value[x]",
            "interpretation",
            "referenceRange",
            "effective[x]",
            "issued",
            "component");

    private static final Set<String> RESULT_STATUSES = Set.of("final", "amended", "corrected");

    private final Terminology terminology;
    private final Demographics patient;
    private final Map<String, LabResult> latest = new HashMap<>();
    private final Map<String, LabResult> previous = new HashMap<>();
    private final List<Fact> ntrkResults = new ArrayList<>();
    private final List<Ecog> ecogs = new ArrayList<>();
    private final List<Fact> unreadableEcogs = new ArrayList<>();
    private final List<Pregnancy> pregnancies = new ArrayList<>();

    ObservationReader(Terminology terminology, List<Observation> observations, Demographics patient) {
        this.terminology = terminology;
        this.patient = patient;
        observations.stream()
                .filter(o ->
                        o.hasStatus() && RESULT_STATUSES.contains(o.getStatus().toCode()))
                .forEach(this::read);
    }

    /** The latest result per analyte (value set id). */
    Map<String, LabResult> latest() {
        return Map.copyOf(latest);
    }

    /** The result before the latest, of an analyte, or null. */
    LabResult previous(String analyte) {
        return previous.get(analyte);
    }

    List<Fact> ntrkResults() {
        return List.copyOf(ntrkResults);
    }

    /** Every ECOG result with a grade we read, in the record's order; not yet judged recent. */
    List<Ecog> ecogs() {
        return List.copyOf(ecogs);
    }

    /** Every ECOG result whose value is not a grade we read (text, another code, a grade out of range, none). */
    List<Fact> unreadableEcogs() {
        return List.copyOf(unreadableEcogs);
    }

    /** Every pregnancy status and hCG result that says pregnant or not. */
    List<Pregnancy> pregnancies() {
        if (patient.sex() == Enumerations.AdministrativeGender.MALE) {
            return pregnancies.stream().map(Pregnancy::forMalePatient).toList();
        }
        return List.copyOf(pregnancies);
    }

    private void read(Observation observation) {
        for (ConceptMatch match : terminology.match(observation.getCode())) {
            if (match.byName()) {
                continue;
            }
            switch (match.valueSet()) {
                case Concepts.GENETIC_VARIANT -> readVariant(observation, match);
                case Concepts.ECOG -> readEcog(observation, match);
                case Concepts.PREGNANCY_STATUS -> readPregnancyStatus(observation);
                case Concepts.HCG -> readHcg(observation);
                default -> {
                    // a lab test or body measurement: its value below
                }
            }
            if (Concepts.isObservation(match.valueSet())
                    && observation.hasValueQuantity()
                    && observation.getValueQuantity().hasValue()) {
                keep(result(observation, match.valueSet(), patient));
            }
        }
    }

    /** Keeps the latest result of each analyte, and the one before it. */
    private void keep(LabResult result) {
        LabResult known = latest.get(result.analyte());
        if (known == null) {
            latest.put(result.analyte(), result);
        } else if (newer(result, known)) {
            previous.put(result.analyte(), known);
            latest.put(result.analyte(), result);
        } else {
            LabResult before = previous.get(result.analyte());
            if (before == null || newer(result, before)) {
                previous.put(result.analyte(), result);
            }
        }
    }

    private static boolean newer(LabResult result, LabResult than) {
        return result.date() != null && (than.date() == null || result.date().isAfter(than.date()));
    }

    /**
     * A quantity result, judged against the reference ranges that apply to the patient ({@link ReferenceRanges}). A
     * negative value is implausible for any test read here: no limit is taken.
     */
    static LabResult result(Observation observation, String analyte, Demographics patient) {
        Quantity quantity = observation.getValueQuantity();
        String unit = unit(quantity);
        double value = quantity.getValue().doubleValue();
        LocalDate date = date(observation);
        LabResult.Range status;
        RangeReading range = new RangeReading(unit);
        ReferenceRanges.Choice choice = ReferenceRanges.choose(observation.getReferenceRange(), patient, date);
        if (value < 0) {
            status = LabResult.Range.IMPLAUSIBLE;
        } else if (choice.problem() != null) {
            status = choice.problem();
        } else {
            for (Observation.ObservationReferenceRangeComponent limits : choice.ranges()) {
                range.low(limits.hasLow() ? limits.getLow() : null);
                range.high(limits.hasHigh() ? limits.getHigh() : null);
            }
            status = range.status();
        }
        boolean judged = status == LabResult.Range.IN_VALUE_UNIT;
        return new LabResult(
                analyte,
                Displays.of(observation.getCode(), "Observation"),
                value,
                unit,
                judged ? range.high : null,
                date,
                FactExtractor.ref(observation),
                judged ? range.low : null,
                status,
                quantity.hasComparator() ? quantity.getComparator().toCode() : "");
    }

    /**
     * The limits in the value's unit of the reference ranges that apply. A limit without a unit is never taken as in
     * the value's unit: the whole range then cannot be judged; nor can two different limits in that unit.
     */
    private static final class RangeReading {

        private final String unit;
        private Double low;
        private Double high;
        private boolean withoutUnit;
        private boolean otherUnit;
        private boolean disagree;

        RangeReading(String unit) {
            this.unit = unit;
        }

        void low(Quantity limit) {
            low = agreed(low, limit);
        }

        void high(Quantity limit) {
            high = agreed(high, limit);
        }

        /** The limit held, or this one when none is; a different one in the same unit is a disagreement. */
        private Double agreed(Double held, Quantity limit) {
            if (!inUnit(limit)) {
                return held;
            }
            double value = limit.getValue().doubleValue();
            disagree |= held != null && held != value;
            return held == null ? value : held;
        }

        private boolean inUnit(Quantity limit) {
            if (limit == null || !limit.hasValue()) {
                return false;
            }
            String limitUnit = unit(limit);
            if (limitUnit.isEmpty() || unit.isEmpty()) {
                withoutUnit = true;
                return false;
            }
            otherUnit |= !limitUnit.equals(unit);
            return limitUnit.equals(unit);
        }

        LabResult.Range status() {
            if (withoutUnit) {
                return LabResult.Range.WITHOUT_UNIT;
            }
            if (disagree) {
                return LabResult.Range.RANGES_DISAGREE;
            }
            if (high != null || low != null) {
                return LabResult.Range.IN_VALUE_UNIT;
            }
            return otherUnit ? LabResult.Range.OTHER_UNIT : LabResult.Range.NOT_RECORDED;
        }
    }

    /** The UCUM code, else the unit text, else empty. */
    private static String unit(Quantity quantity) {
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : "";
        return unit == null ? "" : unit.strip();
    }

    /**
     * ECOG 0-5 from {@code valueInteger}, a whole dimensionless {@code valueQuantity}, a {@code valueString} that is
     * the grade alone, or an answer code of {@code ecog-grades}. A result whose value is none of these is kept as an
     * ECOG recorded but not readable.
     */
    private void readEcog(Observation observation, ConceptMatch match) {
        OptionalInt score;
        String how;
        if (observation.hasValueCodeableConcept()) {
            CodeableConcept answer = observation.getValueCodeableConcept();
            score = terminology.ordinal(answer, Concepts.ECOG_GRADES);
            how = match.matchedOn() + ", answer " + FactExtractor.code(answer);
        } else {
            score = grade(observation);
            how = match.matchedOn() + ", value " + (score.isPresent() ? score.getAsInt() : "");
        }
        if (score.isPresent() && score.getAsInt() >= 0 && score.getAsInt() <= 5) {
            ecogs.add(new Ecog(score.getAsInt(), date(observation), FactExtractor.ref(observation), how, false));
        } else {
            LocalDate date = date(observation);
            unreadableEcogs.add(new Fact(
                    Concepts.ECOG,
                    "",
                    FactExtractor.ref(observation),
                    "",
                    true,
                    date == null ? "" : date.toString(),
                    match.matchedOn(),
                    false,
                    "",
                    date,
                    null));
        }
    }

    /** A grade written as a number: an integer, a whole dimensionless quantity, or a string of the digit alone. */
    private static OptionalInt grade(Observation observation) {
        if (observation.hasValueIntegerType()
                && observation.getValueIntegerType().hasValue()) {
            return OptionalInt.of(observation.getValueIntegerType().getValue());
        }
        if (observation.hasValueQuantity() && observation.getValueQuantity().hasValue()) {
            Quantity quantity = observation.getValueQuantity();
            String unit = unit(quantity);
            boolean dimensionless = unit.isEmpty() || unit.equals("1") || unit.matches("\\{[^}]*}");
            double value = quantity.getValue().doubleValue();
            return dimensionless && value == Math.rint(value) && Math.abs(value) <= 9
                    ? OptionalInt.of((int) value)
                    : OptionalInt.empty();
        }
        if (observation.hasValueStringType() && observation.getValueStringType().hasValue()) {
            String text = observation.getValueStringType().getValue().strip();
            return text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9'
                    ? OptionalInt.of(text.charAt(0) - '0')
                    : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    private void readPregnancyStatus(Observation observation) {
        if (!observation.hasValueCodeableConcept()) {
            return;
        }
        CodeableConcept answer = observation.getValueCodeableConcept();
        if (matches(answer, Concepts.PREGNANT)) {
            pregnancies.add(pregnancy(observation, true, Pregnancy.How.STATUS_ANSWER));
        } else if (matches(answer, Concepts.NOT_PREGNANT)) {
            pregnancies.add(pregnancy(observation, false, Pregnancy.How.STATUS_ANSWER));
        }
    }

    /**
     * Positive or negative: by interpretation first (POS/H/HH/A, NEG/N), then a quantity against its range's upper
     * limit in the same unit, then the words of a qualitative value.
     */
    private void readHcg(Observation observation) {
        boolean positive =
                observation.getInterpretation().stream().anyMatch(i -> matches(i, Concepts.INTERPRETATION_POSITIVE));
        boolean negative =
                observation.getInterpretation().stream().anyMatch(i -> matches(i, Concepts.INTERPRETATION_NEGATIVE));
        if (positive || negative) {
            pregnancies.add(pregnancy(observation, positive, Pregnancy.How.HCG_INTERPRETATION));
            return;
        }
        if (observation.hasValueQuantity() && observation.getValueQuantity().hasValue()) {
            LabResult result = result(observation, Concepts.HCG, patient);
            Optional<Boolean> above = aboveRange(result);
            pregnancies.add(pregnancy(
                    observation,
                    above.orElse(false),
                    above.isPresent() ? Pregnancy.How.HCG_ABOVE_RANGE : Pregnancy.How.HCG_NOT_JUDGED));
            return;
        }
        String words = observation.hasValueStringType()
                ? observation.getValueStringType().getValue()
                : observation.hasValueCodeableConcept()
                        ? Displays.of(observation.getValueCodeableConcept(), null)
                        : null;
        terminology
                .freeText()
                .result(words)
                .ifPresent(p -> pregnancies.add(pregnancy(observation, p, Pregnancy.How.HCG_WORDS)));
    }

    /**
     * Whether a quantitative hCG is above the upper limit of the range that applies; empty when it cannot be told (no
     * such limit in its unit, a negative value, or a bound such as {@code <10} on either side of the limit).
     */
    static Optional<Boolean> aboveRange(LabResult hcg) {
        Double limit = hcg.upperLimit();
        if (limit == null) {
            return Optional.empty();
        }
        double value = hcg.value();
        if (!hcg.censored()) {
            return Optional.of(value > limit);
        }
        if (hcg.boundFromAbove() && value <= limit) {
            return Optional.of(false);
        }
        boolean surelyAbove = hcg.comparator().equals(">") ? value >= limit : value > limit;
        return hcg.boundFromBelow() && surelyAbove ? Optional.of(true) : Optional.empty();
    }

    private static Pregnancy pregnancy(Observation observation, boolean pregnant, Pregnancy.How how) {
        return new Pregnancy(
                pregnant,
                date(observation),
                FactExtractor.ref(observation),
                Displays.of(observation.getCode(), "Observation"),
                how);
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

    /** {@code effectiveDateTime}, {@code effectiveInstant}, the period's start (else its end), else {@code issued}. */
    static LocalDate date(Observation observation) {
        if (observation.hasEffectiveDateTimeType()) {
            return Dates.of(observation.getEffectiveDateTimeType());
        }
        if (observation.hasEffectiveInstantType()) {
            return Dates.of(observation.getEffectiveInstantType());
        }
        if (observation.hasEffectivePeriod()) {
            Period period = observation.getEffectivePeriod();
            return Dates.of(period.hasStart() ? period.getStartElement() : period.getEndElement());
        }
        return observation.hasIssued() ? Dates.of(observation.getIssuedElement()) : null;
    }
}
