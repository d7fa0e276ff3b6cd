package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prefetch is bound with only the elements the facts read ({@code record/ElementsRead}). Every fixture patient must
 * give exactly the same facts bound lean as bound whole: if a reader starts to use an element the list leaves out,
 * this fails.
 */
class LeanBindingTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FactExtractor EXTRACTOR = new FactExtractor(new Terminology(FHIR), new ProductIngredients(FHIR),
            ClinicalParameters.load(), new EvaluationDate(new ClinicalSettings(FhirRecords.TODAY)));

    static Stream<Path> fixtures() throws IOException {
        return Files.list(Path.of("fhir-fixtures")).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void leanBindingGivesTheSameFactsAsBindingWhole(Path fixture) {
        JsonNode bundle = JSON.readTree(fixture.resolve("record.json").toFile());

        PatientFacts whole = facts((Bundle) FhirJson.parse(FHIR, bundle));
        PatientFacts lean = facts((Bundle) FhirJson.parseElementsRead(FHIR, bundle));

        assertThat(lean).isEqualTo(whole);
        assertThat(whole.conditions()).as("the fixture has facts to compare").isNotEmpty();
    }

    @Test
    void unreadElementsAreNotBoundAndReadOnesAre() {
        ObjectNode condition = JSON.createObjectNode().put("resourceType", "Condition").put("id", "c1");
        condition.putObject("text").put("status", "generated").put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>");
        condition.putObject("meta").put("versionId", "3");
        condition.putArray("identifier").addObject().put("value", "123");
        condition.putObject("code").put("text", "Leiomyosarcoma");
        condition.put("onsetDateTime", "2022-10-18");
        condition.putObject("_onsetDateTime").putArray("extension").addObject().put("url", "http://example.org/x")
                .put("valueString", "approximate");
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry").addObject().set("resource", condition);

        IBaseResource parsed = FhirJson.parseElementsRead(FHIR, bundle);

        Condition lean = (Condition) ((Bundle) parsed).getEntryFirstRep().getResource();
        assertThat(lean.getIdElement().getIdPart()).isEqualTo("c1");
        assertThat(lean.getCode().getText()).isEqualTo("Leiomyosarcoma");
        assertThat(lean.getOnsetDateTimeType().getValueAsString()).isEqualTo("2022-10-18");
        assertThat(lean.getOnsetDateTimeType().getExtension()).as("a kept element keeps its _element").hasSize(1);
        assertThat(lean.hasText()).isFalse();
        assertThat(lean.hasMeta()).isFalse();
        assertThat(lean.hasIdentifier()).isFalse();
    }

    @Test
    void containedMedicationsAreBoundLeanAndResourcesOfOtherTypesWhole() {
        ObjectNode statement = JSON.createObjectNode().put("resourceType", "MedicationStatement").put("id", "s1")
                .put("status", "completed");
        ObjectNode contained = statement.putArray("contained").addObject().put("resourceType", "Medication").put("id", "m");
        contained.putObject("code").put("text", "doxorubicin");
        contained.putObject("meta").put("versionId", "1");
        statement.putObject("medicationReference").put("reference", "#m");
        statement.putObject("meta").put("versionId", "2");
        ObjectNode encounter = JSON.createObjectNode().put("resourceType", "Encounter").put("id", "e1");
        encounter.putObject("meta").put("versionId", "7");
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
        bundle.putArray("entry").add(JSON.createObjectNode().set("resource", statement))
                .add(JSON.createObjectNode().set("resource", encounter));

        Bundle parsed = (Bundle) FhirJson.parseElementsRead(FHIR, bundle);

        MedicationStatement lean = (MedicationStatement) parsed.getEntry().get(0).getResource();
        Medication medication = (Medication) lean.getContained().get(0);
        assertThat(medication.getCode().getText()).isEqualTo("doxorubicin");
        assertThat(medication.hasMeta()).isFalse();
        assertThat(lean.hasMeta()).isFalse();
        assertThat(lean.getMedicationReference().getReference()).isEqualTo("#m");
        assertThat(parsed.getEntry().get(1).getResource().getMeta().getVersionId()).as("not a type facts read").isEqualTo("7");
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
        return EXTRACTOR.extract(new PatientRecord(Optional.empty(), conditions, statements, requests, medications,
                observations, List.of()), null, List.of());
    }
}
