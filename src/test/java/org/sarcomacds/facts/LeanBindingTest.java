package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Property;
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
import org.sarcomacds.record.ReadElements;
import org.sarcomacds.record.RecordAssembler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prefetch and draft orders are bound with only the elements the readers declare ({@link ReadElements}: the record
 * stage's and the fact readers'). On every fixture: the binder binds no element that is not declared; the readers
 * give the same facts from resources cut down to the declared elements as from whole ones (so they need no other);
 * and the facts bound lean are exactly those of HAPI's full binding. A reader that starts to use another element
 * fails here until it declares it and the binder binds it.
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

    /** Every element bound, of every resource of every fixture, is one a reader declared. */
    @ParameterizedTest
    @MethodSource("records")
    void theBinderBindsOnlyDeclaredElements(Path record) {
        JsonNode bundle = JSON.readTree(record.toFile());
        List<String> undeclared = new ArrayList<>();
        for (Resource resource : entries(PrefetchBinder.bind(FHIR, bundle))) {
            undeclared.addAll(undeclared(resource));
            if (resource instanceof DomainResource owner) {
                owner.getContained().forEach(contained -> undeclared.addAll(undeclared(contained)));
            }
        }
        assertThat(undeclared).as("bound but declared by no reader").isEmpty();
        assertThat(undeclared(PrefetchBinder.bind(FHIR, bundle))).isEmpty();
    }

    /** The readers need no element they did not declare: cut down to the declared elements, the facts are the same. */
    @ParameterizedTest
    @MethodSource("records")
    void theReadersNeedOnlyTheDeclaredElements(Path record) {
        JsonNode bundle = JSON.readTree(record.toFile());

        PatientFacts whole = facts((Bundle) FhirJson.parse(FHIR, bundle));
        PatientFacts declaredOnly = facts((Bundle) FhirJson.parse(FHIR, declaredOnly(bundle)));

        assertThat(declaredOnly).isEqualTo(whole);
    }

    /** Draft orders are bound by the same binder: the same draft facts as HAPI's full binding, selections included. */
    @ParameterizedTest
    @MethodSource("orderContexts")
    void draftOrdersBoundLeanGiveTheSameFacts(Path context) {
        JsonNode hookContext = JSON.readTree(context.toFile());
        JsonNode drafts = hookContext.path("draftOrders");
        List<String> selections = new ArrayList<>();
        hookContext.path("selections").forEach(s -> selections.add(s.asString()));
        Bundle record = (Bundle) FhirJson.parse(
                FHIR, JSON.readTree(context.resolveSibling("record.json").toFile()));

        PatientFacts whole = facts(record, Hook.ORDER_SELECT, (Bundle) FhirJson.parse(FHIR, drafts), selections);
        PatientFacts lean = facts(record, Hook.ORDER_SELECT, (Bundle) PrefetchBinder.bind(FHIR, drafts), selections);

        assertThat(lean).isEqualTo(whole);
        if (context.getParent().getFileName().toString().equals("lms-drafts-gemcitabine-and-pazopanib")) {
            assertThat(lean.draftOrders()).as("both drafts are read").hasSize(2);
        }
        assertThat(undeclared(PrefetchBinder.bind(FHIR, drafts))).isEmpty();
        entries(PrefetchBinder.bind(FHIR, drafts))
                .forEach(r -> assertThat(undeclared(r)).isEmpty());
    }

    static Stream<Path> orderContexts() throws IOException {
        return Files.list(Path.of("fhir-fixtures"))
                .filter(Files::isDirectory)
                .sorted()
                .map(fixture -> fixture.resolve("order-select.context.json"))
                .filter(Files::exists)
                .filter(context -> !JSON.readTree(context.toFile())
                        .path("draftOrders")
                        .path("entry")
                        .isEmpty());
    }

    /** The elements the issue 12 facts read, which no fixture record carries yet, bound lean and whole alike. */
    @Test
    void theElementsOfIssue12FactsAreBoundLeanAsWhole() {
        JsonNode bundle = JSON.readTree("""
                {"resourceType": "Bundle", "type": "searchset", "entry": [
                 {"resource": {"resourceType": "Condition", "id": "c1", "code": {"text": "Leiomyosarcoma of uterus"},
                   "onsetDateTime": "2022-03-08", "abatementDateTime": "2023-08-02"}},
                 {"resource": {"resourceType": "Condition", "id": "c2", "code": {"text": "Uterine mass, ?leiomyosarcoma"},
                   "abatementPeriod": {"start": "2024-01-01", "end": "2024-02-01"}}},
                 {"resource": {"resourceType": "Observation", "id": "e1", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "89247-1"}]},
                   "valueInteger": 2, "effectiveDateTime": "2026-11-01"}},
                 {"resource": {"resourceType": "Observation", "id": "e2", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "89262-0"}]},
                   "valueCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "LA9625-0"}]},
                   "effectiveDateTime": "2026-10-01"}},
                 {"resource": {"resourceType": "Observation", "id": "h1", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "2106-3"}]},
                   "valueString": "see comment", "effectiveDateTime": "2026-11-20",
                   "interpretation": [{"coding": [{"system":
                     "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "POS"}]}]}},
                 {"resource": {"resourceType": "MedicationStatement", "id": "s1", "status": "stopped",
                   "medicationReference": {"reference": "Medication/m1"},
                   "note": [{"text": "stopped for rhabdomyolysis"}],
                   "dosage": [{"text": "1.5 mg/m2 over 24 h", "route": {"coding": [
                     {"system": "http://snomed.info/sct", "code": "47625008"}]}}]}},
                 {"resource": {"resourceType": "MedicationRequest", "id": "r1", "status": "active", "intent": "order",
                   "medicationCodeableConcept": {"text": "ketoconazole"},
                   "note": [{"text": "apply to scalp"}],
                   "dosageInstruction": [{"text": "twice weekly", "route": {"text": "Topical"}}]}},
                 {"resource": {"resourceType": "Medication", "id": "m1", "code": {"text": "trabectedin"},
                   "form": {"text": "powder for concentrate for solution for infusion"}}}
                ]}
                """);

        PatientFacts whole = facts((Bundle) FhirJson.parse(FHIR, bundle));
        PatientFacts lean = facts((Bundle) PrefetchBinder.bind(FHIR, bundle));

        assertThat(lean).isEqualTo(whole);
        assertThat(whole.ecog()).hasValueSatisfying(e -> assertThat(e.score()).isEqualTo(2));
        assertThat(whole.pregnancy())
                .hasValueSatisfying(p -> assertThat(p.pregnant()).isTrue());
        assertThat(whole.trabectedinStops())
                .singleElement()
                .satisfies(f -> assertThat(f.toxicityRecorded()).isTrue());
        assertThat(whole.exposures(Concepts.CYP3A_INHIBITORS)).as("topical").isEmpty();
        assertThat(whole.leiomyosarcoma()).extracting(Fact::end).hasSize(2).doesNotContainNull();
        for (Resource resource : entries(PrefetchBinder.bind(FHIR, bundle))) {
            assertThat(undeclared(resource)).isEmpty();
        }
        assertThat(facts((Bundle) FhirJson.parse(FHIR, declaredOnly(bundle)))).isEqualTo(whole);
    }

    /**
     * The elements review 12 read (findings 1, 5, 6, 8): the Patient's sex and birth date, a range's age and
     * appliesTo, effectiveInstant, a comparator, a text-only range; bound lean and whole alike.
     */
    @Test
    void theElementsOfReview12LabReadingAreBoundLeanAsWhole() {
        JsonNode bundle = JSON.readTree("""
                {"resourceType": "Bundle", "type": "searchset", "entry": [
                 {"resource": {"resourceType": "Patient", "id": "p", "gender": "female", "birthDate": "1970-05-01"}},
                 {"resource": {"resourceType": "Condition", "id": "c1", "code": {"text": "Leiomyosarcoma of uterus"}}},
                 {"resource": {"resourceType": "Observation", "id": "b", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "1975-2"}]},
                   "valueQuantity": {"value": 4.0, "unit": "mg/dL", "code": "mg/dL"},
                   "effectiveInstant": "2026-11-24T08:00:00Z",
                   "referenceRange": [
                     {"high": {"value": 12, "code": "mg/dL"},
                      "age": {"low": {"value": 0, "code": "d"}, "high": {"value": 7, "code": "d"}}},
                     {"high": {"value": 1.2, "code": "mg/dL"}}]}},
                 {"resource": {"resourceType": "Observation", "id": "a", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "1742-6"}]},
                   "valueQuantity": {"value": 90, "code": "U/L"}, "effectiveDateTime": "2026-11-24",
                   "referenceRange": [
                     {"high": {"value": 50, "code": "U/L"}, "appliesTo": [{"coding": [
                       {"system": "http://snomed.info/sct", "code": "248153007"}]}]},
                     {"high": {"value": 33, "code": "U/L"}, "appliesTo": [{"text": "female"}]}]}},
                 {"resource": {"resourceType": "Observation", "id": "pl", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]},
                   "valueQuantity": {"value": 150, "comparator": "<", "code": "10*3/uL"},
                   "effectiveDateTime": "2026-11-24"}},
                 {"resource": {"resourceType": "Observation", "id": "h", "status": "final",
                   "code": {"coding": [{"system": "http://loinc.org", "code": "19080-1"}]},
                   "valueQuantity": {"value": 4850, "code": "m[IU]/mL"}, "effectiveDateTime": "2026-11-25",
                   "referenceRange": [{"text": "<5 non-pregnant"}]}}
                ]}
                """);

        PatientFacts whole = facts((Bundle) FhirJson.parse(FHIR, bundle));
        PatientFacts lean = facts((Bundle) PrefetchBinder.bind(FHIR, bundle));

        assertThat(lean).isEqualTo(whole);
        assertThat(whole.lab(Concepts.BILIRUBIN)).hasValueSatisfying(b -> {
            assertThat(b.date()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(b.upperLimit()).isEqualTo(1.2);
        });
        assertThat(whole.lab(Concepts.ALT))
                .hasValueSatisfying(a -> assertThat(a.upperLimit()).isEqualTo(33.0));
        assertThat(whole.lab(Concepts.PLATELETS))
                .hasValueSatisfying(p -> assertThat(p.comparator()).isEqualTo("<"));
        assertThat(whole.pregnancy())
                .hasValueSatisfying(p -> assertThat(p.judged()).isFalse());
        for (Resource resource : entries(PrefetchBinder.bind(FHIR, bundle))) {
            assertThat(undeclared(resource)).isEmpty();
        }
        assertThat(facts((Bundle) FhirJson.parse(FHIR, declaredOnly(bundle)))).isEqualTo(whole);
    }

    @Test
    void anUndeclaredElementIsNamedAndCutAway() {
        Condition condition = new Condition();
        condition.setId("c1");
        condition.getCode().setText("Leiomyosarcoma");
        condition.getSeverity().setText("severe");
        ObjectNode json =
                JSON.createObjectNode().put("resourceType", "Condition").put("id", "c1");
        json.putObject("code").put("text", "Leiomyosarcoma");
        json.putObject("severity").put("text", "severe");

        assertThat(undeclared(condition)).containsExactly("Condition.severity");
        Condition cut = (Condition) FhirJson.parse(FHIR, declaredOnly(json));
        assertThat(cut.hasSeverity()).isFalse();
        assertThat(cut.getCode().getText()).isEqualTo("Leiomyosarcoma");
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

    /** Every element and its elements as declared: the record stage's and the fact readers'. */
    private static final Map<String, Set<String>> DECLARED =
            ReadElements.byType(Stream.of(RecordAssembler.READS, FactExtractor.READS)
                    .flatMap(List::stream)
                    .toList());

    /** The elements of a resource that hold a value but no reader declared, e.g. {@code Condition.severity}. */
    private static List<String> undeclared(IBaseResource resource) {
        Resource r = (Resource) resource;
        Set<String> declared = DECLARED.getOrDefault(r.fhirType(), Set.of());
        List<String> undeclared = new ArrayList<>();
        for (Property child : r.children()) {
            if (child.hasValues() && !declared.contains(child.getName())) {
                undeclared.add(r.fhirType() + "." + child.getName());
            }
        }
        return undeclared;
    }

    /** The JSON with each resource cut down to the elements its readers declare (entries and contained ones too). */
    private static JsonNode declaredOnly(JsonNode json) {
        if (json.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            json.forEach(item -> array.add(declaredOnly(item)));
            return array;
        }
        if (!json.isObject()) {
            return json;
        }
        String type = json.path("resourceType").asString("");
        Set<String> declared = DECLARED.getOrDefault(type, Set.of());
        ObjectNode kept = JSON.createObjectNode();
        json.properties().forEach(e -> {
            String key = e.getKey();
            boolean keep = type.isEmpty() // not a resource: an entry, a contained list
                    || key.equals("resourceType")
                    || declared.stream().anyMatch(element -> names(element, key));
            if (keep) {
                kept.set(key, declaredOnly(e.getValue()));
            }
        });
        return kept;
    }

    /** A JSON key is the declared element: its name, or for a choice {@code onset[x]} a typed one (onsetDateTime). */
    private static boolean names(String element, String key) {
        if (element.endsWith("[x]")) {
            String prefix = element.substring(0, element.length() - 3);
            return key.startsWith(prefix)
                    && key.length() > prefix.length()
                    && Character.isUpperCase(key.charAt(prefix.length()));
        }
        return key.equals(element);
    }

    private static PatientFacts facts(Bundle bundle) {
        return facts(bundle, Hook.PATIENT_VIEW, null, List.of());
    }

    private static PatientFacts facts(Bundle bundle, Hook hook, Bundle drafts, List<String> selections) {
        List<Condition> conditions = new ArrayList<>();
        List<MedicationStatement> statements = new ArrayList<>();
        List<MedicationRequest> requests = new ArrayList<>();
        Map<String, Medication> medications = new LinkedHashMap<>();
        List<Observation> observations = new ArrayList<>();
        Patient patient = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof Patient p && patient == null) {
                patient = p;
            } else if (resource instanceof Condition c) {
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
                        Optional.ofNullable(patient),
                        conditions,
                        statements,
                        requests,
                        medications,
                        observations,
                        List.of()),
                hook,
                drafts,
                selections);
    }
}
