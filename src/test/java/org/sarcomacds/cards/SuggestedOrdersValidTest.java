package org.sarcomacds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every resource a suggestion of any fixture's golden cards would create validates against the FHIR R4 base profiles
 * (HAPI's instance validator, no error or fatal issue): the drafted orders are ones an EHR can store.
 */
class SuggestedOrdersValidTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final FhirValidator VALIDATOR = validator();

    private static FhirValidator validator() {
        FhirValidator validator = FHIR.newValidator();
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR));
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }

    @Test
    void theValidatorFindsAnErrorInADraftWithoutStatusAndAnUnknownTimingUnit() {
        String broken = "{\"resourceType\":\"MedicationRequest\",\"intent\":\"order\","
                + "\"medicationCodeableConcept\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/p\"},"
                + "\"dosageInstruction\":[{\"timing\":{\"repeat\":{\"period\":21,\"periodUnit\":\"days\"}}}]}";

        assertThat(errors("broken", broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void everySuggestedResourceOfEveryFixtureIsValidFhirR4() throws IOException {
        List<String> errors = new ArrayList<>();
        int resources = 0;
        for (Path golden : goldens()) {
            for (JsonNode card : JSON.readTree(golden.toFile()).path("cards")) {
                for (JsonNode suggestion : card.path("suggestions")) {
                    for (JsonNode action : suggestion.path("actions")) {
                        if (!action.has("resource")) {
                            continue;
                        }
                        resources++;
                        errors.addAll(errors(
                                golden.toString(), action.path("resource").toString()));
                    }
                }
            }
        }

        assertThat(resources).as("suggested resources in the fixtures").isGreaterThan(20);
        assertThat(errors).isEmpty();
    }

    private static List<String> errors(String where, String resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> where + " " + m.getLocationString() + ": " + m.getMessage())
                .toList();
    }

    private static List<Path> goldens() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("fhir-fixtures"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".expected.json"))
                    .sorted()
                    .toList();
        }
    }
}
