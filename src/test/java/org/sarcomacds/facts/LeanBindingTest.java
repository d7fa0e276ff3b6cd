package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.knowledge.ClinicalSettings;
import org.sarcomacds.knowledge.EvaluationDate;
import org.sarcomacds.record.FhirJson;
import org.sarcomacds.record.PatientRecord;
import org.sarcomacds.record.PrefetchBinder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prefetch is bound with only the elements the facts read ({@code record/PrefetchBinder}). Every fixture patient must
 * give exactly the same facts bound lean as bound whole: if a reader starts to use an element the list leaves out,
 * this fails.
 */
class LeanBindingTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FactExtractor EXTRACTOR = new FactExtractor(
            new Terminology(FHIR),
            new ProductIngredients(FHIR),
            ClinicalParameters.load(),
            new EvaluationDate(new ClinicalSettings(FhirRecords.TODAY)));

    /** Every fixture patient's record, the warm-up record, and each Bundle of the documented example request. */
    static Stream<Path> records() throws IOException {
        Stream<Path> fixtures = Files.list(Path.of("fhir-fixtures"))
                .filter(Files::isDirectory)
                .sorted()
                .map(fixture -> fixture.resolve("record.json"));
        return Stream.concat(fixtures, Stream.of(Path.of("src/main/resources/warm-up/record.json")));
    }

    @ParameterizedTest
    @MethodSource("records")
    void leanBindingGivesTheSameFactsAsBindingWhole(Path record) {
        JsonNode bundle = JSON.readTree(record.toFile());

        PatientFacts whole = facts((Bundle) FhirJson.parse(FHIR, bundle));
        PatientFacts lean = facts((Bundle) PrefetchBinder.bind(FHIR, bundle));

        assertThat(lean).isEqualTo(whole);
        assertThat(whole.conditions()).as("the fixture has facts to compare").isNotEmpty();
    }

    @Test
    void unreadElementsAreNotBoundAndReadOnesAre() {
        ObjectNode condition =
                JSON.createObjectNode().put("resourceType", "Condition").put("id", "c1");
        condition
                .putObject("text")
                .put("status", "generated")
                .put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>");
        condition.putObject("meta").put("versionId", "3");
        condition.putArray("identifier").addObject().put("value", "123");
        condition.putObject("code").put("text", "Leiomyosarcoma");
        condition.put("onsetDateTime", "2022-10-18");
        condition
                .putObject("_onsetDateTime")
                .putArray("extension")
                .addObject()
                .put("url", "http://example.org/x")
                .put("valueString", "approximate");
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry").addObject().set("resource", condition);

        IBaseResource parsed = PrefetchBinder.bind(FHIR, bundle);

        Condition lean = (Condition) ((Bundle) parsed).getEntryFirstRep().getResource();
        assertThat(lean.getIdElement().getIdPart()).isEqualTo("c1");
        assertThat(lean.getCode().getText()).isEqualTo("Leiomyosarcoma");
        assertThat(lean.getOnsetDateTimeType().getValueAsString()).isEqualTo("2022-10-18");
        assertThat(lean.hasText()).isFalse();
        assertThat(lean.hasMeta()).isFalse();
        assertThat(lean.hasIdentifier()).isFalse();
    }

    @Test
    void containedMedicationsAreBoundLeanAndResourcesOfOtherTypesWhole() {
        ObjectNode statement = JSON.createObjectNode()
                .put("resourceType", "MedicationStatement")
                .put("id", "s1")
                .put("status", "completed");
        ObjectNode contained = statement
                .putArray("contained")
                .addObject()
                .put("resourceType", "Medication")
                .put("id", "m");
        contained.putObject("code").put("text", "doxorubicin");
        contained.putObject("meta").put("versionId", "1");
        statement.putObject("medicationReference").put("reference", "#m");
        statement.putObject("meta").put("versionId", "2");
        ObjectNode encounter =
                JSON.createObjectNode().put("resourceType", "Encounter").put("id", "e1");
        encounter.putObject("meta").put("versionId", "7");
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry")
                .add(JSON.createObjectNode().set("resource", statement))
                .add(JSON.createObjectNode().set("resource", encounter));

        Bundle parsed = (Bundle) PrefetchBinder.bind(FHIR, bundle);

        MedicationStatement lean =
                (MedicationStatement) parsed.getEntry().get(0).getResource();
        Medication medication = (Medication) lean.getContained().get(0);
        assertThat(medication.getCode().getText()).isEqualTo("doxorubicin");
        assertThat(medication.hasMeta()).isFalse();
        assertThat(lean.hasMeta()).isFalse();
        assertThat(lean.getMedicationReference().getReference()).isEqualTo("#m");
        assertThat(parsed.getEntry().get(1).getResource().getMeta().getVersionId())
                .as("not a type facts read")
                .isEqualTo("7");
    }

    @Test
    void theDocumentedExampleRequestGivesTheSameFactsBoundLean() {
        JsonNode prefetch = JSON.readTree(
                        Path.of("docs/examples/patient-view-lms-uterine.json").toFile())
                .path("prefetch");
        Bundle whole = new Bundle();
        Bundle lean = new Bundle();
        prefetch.forEach(value -> {
            if (value.isObject()) {
                entries(FhirJson.parse(FHIR, value))
                        .forEach(r -> whole.addEntry().setResource(r));
                entries(PrefetchBinder.bind(FHIR, value))
                        .forEach(r -> lean.addEntry().setResource(r));
            }
        });

        assertThat(facts(lean)).isEqualTo(facts(whole));
        assertThat(facts(whole).medications()).isNotEmpty();
    }

    @Test
    void valuesOfTheWrongShapeAreLeftOutWithoutFailing() {
        ObjectNode observation = JSON.createObjectNode()
                .put("resourceType", "Observation")
                .put("id", "o1")
                .put("status", "not-a-status")
                .put("effectiveDateTime", "yesterday")
                .put("code", "1975-2");
        observation.putObject("valueQuantity").put("value", "high").put("unit", "mg/dL");
        observation.putArray("referenceRange").add("high");
        ObjectNode statement = JSON.createObjectNode()
                .put("resourceType", "MedicationStatement")
                .put("id", "s1")
                .put("status", "completed");
        statement.putObject("medicationCodeableConcept").put("coding", "doxorubicin");
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry")
                .add(JSON.createObjectNode().set("resource", observation))
                .add(JSON.createObjectNode().set("resource", statement))
                .add("not an entry");

        Bundle parsed = (Bundle) PrefetchBinder.bind(FHIR, bundle);

        Observation lean = (Observation) parsed.getEntry().get(0).getResource();
        assertThat(lean.hasStatus()).isFalse();
        assertThat(lean.hasEffective()).isFalse();
        assertThat(lean.hasCode()).isFalse();
        assertThat(lean.getValueQuantity().hasValue()).isFalse();
        assertThat(lean.getReferenceRange()).isEmpty();
        assertThat(((MedicationStatement) parsed.getEntry().get(1).getResource())
                        .getMedicationCodeableConcept()
                        .getCoding())
                .isEmpty();
        assertThat(facts(parsed).labs()).as("no readable result").isEmpty();
    }

    @Test
    void aNumberSentAsAStringIsReadAsHapiReadsIt() {
        ObjectNode observation = JSON.createObjectNode()
                .put("resourceType", "Observation")
                .put("id", "o1")
                .put("status", "final");
        observation.putObject("valueQuantity").put("value", "1.20").put("unit", "mg/dL");

        Observation lean = (Observation) PrefetchBinder.bind(FHIR, observation);
        Observation whole = (Observation) FhirJson.parse(FHIR, observation);

        assertThat(lean.getValueQuantity().getValue())
                .isEqualByComparingTo("1.20")
                .isEqualByComparingTo(whole.getValueQuantity().getValue());
    }

    @Test
    void anEntryWhoseResourceIsNotAnObjectIsRejected() {
        ObjectNode bundle =
                JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry").addObject().put("resource", "Condition/x");

        assertThatThrownBy(() -> PrefetchBinder.bind(FHIR, bundle)).isInstanceOf(DataFormatException.class);
    }

    private static List<Resource> entries(IBaseResource parsed) {
        return parsed instanceof Bundle b
                ? b.getEntry().stream()
                        .map(Bundle.BundleEntryComponent::getResource)
                        .toList()
                : List.of((Resource) parsed);
    }

    private static PatientFacts facts(Bundle bundle) {
        List<Condition> conditions = new ArrayList<>();
        List<MedicationStatement> statements = new ArrayList<>();
        List<MedicationRequest> requests = new ArrayList<>();
        Map<String, Medication> medications = new LinkedHashMap<>();
        List<Observation> observations = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof Condition c) {
                conditions.add(c);
            } else if (resource instanceof MedicationStatement s) {
                statements.add(s);
            } else if (resource instanceof MedicationRequest r) {
                requests.add(r);
            } else if (resource instanceof Medication m) {
                medications.put("Medication/" + m.getIdElement().getIdPart(), m);
            } else if (resource instanceof Observation o) {
                observations.add(o);
            }
        }
        return EXTRACTOR.extract(
                new PatientRecord(
                        Optional.empty(), conditions, statements, requests, medications, observations, List.of()),
                Hook.PATIENT_VIEW,
                null,
                List.of());
    }
}
