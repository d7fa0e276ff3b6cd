package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** HAPI reading our JSON tree gives the same resources as HAPI reading the text. */
class FhirJsonTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final JsonMapper TREES = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final String BUNDLE = """
            {"resourceType": "Bundle", "type": "searchset", "total": 2,
             "link": [{"relation": "next", "url": "http://ehr.example/fhir?page=2"}],
             "entry": [
              {"fullUrl": "http://ehr.example/fhir/Observation/o1",
               "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "1975-2"}], "text": "Bilirubin"},
                 "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-16T10:20:00Z",
                 "valueQuantity": {"value": 1.50, "unit": "mg/dL"},
                 "referenceRange": [{"high": {"value": 1.2}}],
                 "_status": {"extension": [{"url": "http://example.org/x", "valueBoolean": true}]}}},
              {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "completed",
                 "contained": [{"resourceType": "Medication", "id": "med", "code": {"text": "doxorubicin"}}],
                 "medicationReference": {"reference": "#med"}, "subject": {"reference": "Patient/p1"}}}]}
            """;

    @Test
    void readsTheTreeAsHapiReadsTheText() {
        IBaseResource fromText = FHIR.newJsonParser().parseResource(BUNDLE);
        IBaseResource fromTree = FhirJson.parse(FHIR, TREES.readTree(BUNDLE));

        assertThat(FHIR.newJsonParser().encodeResourceToString(fromTree))
                .isEqualTo(FHIR.newJsonParser().encodeResourceToString(fromText));
    }

    @Test
    void keepsDecimalPrecision() {
        Bundle bundle = FhirJson.parse(FHIR, Bundle.class, TREES.readTree(BUNDLE));
        Observation observation = (Observation) bundle.getEntry().get(0).getResource();

        assertThat(observation.getValueQuantity().getValueElement().getValueAsString())
                .isEqualTo("1.50");
        assertThat(observation.getStatusElement().getExtension()).hasSize(1);
    }

    @Test
    void oddJsonGetsTheSameOutcomeAsFromText() {
        FhirContext strict = FhirContext.forR4();
        strict.setParserErrorHandler(new StrictErrorHandler());
        FhirContext lenient = FhirContext.forR4();
        lenient.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        String[] odd = {
            "{\"resourceType\": \"Observation\", \"status\": [\"final\"]}",
            "{\"resourceType\": \"Condition\", \"category\": {\"text\": \"problem\"}}",
            "{\"resourceType\": \"Observation\", \"status\": true, \"valueQuantity\": {\"value\": \"x\"}}",
            "{\"resourceType\": \"Observation\", \"unknownField\": true, \"valueBoolean\": \"yes\"}",
            "{\"resourceType\": \"NotAType\"}"
        };
        for (FhirContext context : new FhirContext[] {strict, lenient}) {
            for (String json : odd) {
                assertThat(outcome(context, () -> FhirJson.parse(context, TREES.readTree(json))))
                        .as(json)
                        .isEqualTo(
                                outcome(context, () -> context.newJsonParser().parseResource(json)));
            }
        }
    }

    private static String outcome(FhirContext context, java.util.function.Supplier<IBaseResource> parse) {
        try {
            return context.newJsonParser().encodeResourceToString(parse.get());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    @Test
    void refusesANumberWhereFhirHasTextAndNamesTheElement() {
        String[][] cases = {
            {"{\"resourceType\": 1E999999999}", "'resourceType' is a number"},
            {"{\"resourceType\": \"MedicationRequest\", \"status\": 1E999999999}", "'MedicationRequest.status'"},
            {
                "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"MedicationRequest\","
                        + " \"medicationCodeableConcept\": {\"coding\": [{\"code\": 12574}]}}}]}",
                "'MedicationRequest.medicationCodeableConcept.coding.code'"
            },
            {"{\"resourceType\": \"Patient\", \"id\": 7}", "'Patient.id'"}
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> FhirJson.parse(FHIR, TREES.readTree(c[0])))
                    .as(c[0])
                    .isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(c[1])
                    .hasMessageContaining("where FHIR has text");
        }
    }

    @Test
    void readsNumbersWhereFhirHasNumbersWithoutWritingThemOut() {
        String json = "{\"resourceType\": \"MedicationRequest\", \"status\": \"draft\", \"dosageInstruction\":"
                + " [{\"timing\": {\"repeat\": {\"count\": 3}}, \"doseAndRate\": [{\"doseQuantity\": {\"value\": 1E+1000}}]}]}";

        MedicationRequest request = (MedicationRequest) FhirJson.parse(FHIR, TREES.readTree(json));

        assertThat(request.getDosageInstructionFirstRep()
                        .getTiming()
                        .getRepeat()
                        .getCount())
                .isEqualTo(3);
        assertThat(request.getDosageInstructionFirstRep()
                        .getDoseAndRateFirstRep()
                        .getDoseQuantity()
                        .getValueElement()
                        .getValueAsString())
                .as("the decimal as its exact short form, not a thousand digits")
                .isEqualTo("1E+1000");
    }

    @Test
    void refusesAnythingButAnObject() {
        assertThatThrownBy(() -> FhirJson.parse(FHIR, TREES.readTree("[1, 2]")))
                .isInstanceOf(DataFormatException.class);
    }
}
