package org.sarcomacds.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;

/** The one prefetch definition: hooks/prefetch.json plus a key per observation value set, checked at start-up. */
class PrefetchDefinitionTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final KnowledgeFile PREFETCH = KnowledgeFiles.jsonFile("prefetch.json");

    @Test
    void theShippedDefinitionHasTheRecordKeysAndAKeyPerObservationValueSet() {
        PrefetchDefinition definition = new PrefetchDefinition(FHIR, PREFETCH, KnowledgeFiles.jsonFiles("valuesets"));

        assertThat(definition.templates())
                .containsEntry("conditions", "Condition?patient={{context.patientId}}")
                .containsEntry(
                        "bilirubin",
                        "Observation?patient={{context.patientId}}&code=http://loinc.org|1975-2"
                                + "&status=final,amended,corrected&_sort=-date&_count=1");
        assertThat(definition.required()).containsExactly("conditions", "medstatements", "medrequests");
        assertThat(definition.key("obs-bilirubin-total")).hasValue("bilirubin");
        assertThat(definition.key("doxorubicin")).isEmpty();
    }

    @Test
    void addingAnObservationValueSetAddsItsKeyWithItsCodes() {
        PrefetchDefinition definition = new PrefetchDefinition(
                FHIR, PREFETCH, List.of(observation("obs-ecog", "ecog", null, "89247-1", "89262-0")));

        assertThat(definition.observationKeys()).containsExactly("ecog");
        assertThat(definition.templates())
                .containsEntry(
                        "ecog",
                        "Observation?patient={{context.patientId}}&code=http://loinc.org|89247-1,http://loinc.org|89262-0"
                                + "&status=final,amended,corrected&_sort=-date&_count=1");
    }

    @Test
    void weightAsksForItsLatestTwoResults() {
        PrefetchDefinition definition = new PrefetchDefinition(FHIR, PREFETCH, KnowledgeFiles.jsonFiles("valuesets"));

        assertThat(definition.templates())
                .containsEntry(
                        "weight",
                        "Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7,http://loinc.org|3141-9"
                                + "&status=final,amended,corrected&_sort=-date&_count=2");
        assertThat(PrefetchTemplates.firstPageOnly(definition.templates().get("weight")))
                .as("the two results are the whole answer")
                .isTrue();
        assertThat(definition.observationKeys()).contains("ecog", "pregnancy", "hcg");
    }

    @Test
    void allResultsAreAskedForWhenTheValueSetSaysSo() {
        PrefetchDefinition definition =
                new PrefetchDefinition(FHIR, PREFETCH, List.of(observation("obs-x", "x", "all", "1-8")));

        assertThat(definition.templates())
                .containsEntry("x", "Observation?patient={{context.patientId}}&code=http://loinc.org|1-8&_count=50");
    }

    @Test
    void anObservationValueSetWithoutAKeyStopsStartUp() {
        assertThatThrownBy(
                        () -> new PrefetchDefinition(FHIR, PREFETCH, List.of(observation("obs-x", null, null, "1-8"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "obs-x.json: an observation value set (obs-*), and only one, names its prefetch key");
    }

    @Test
    void aKeyTakenTwiceStopsStartUp() {
        assertThatThrownBy(() -> new PrefetchDefinition(
                        FHIR, PREFETCH, List.of(observation("obs-x", "conditions", null, "1-8"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("obs-x.json: prefetch key conditions is already taken");
    }

    @Test
    void anUnknownResultsModeStopsStartUp() {
        assertThatThrownBy(() ->
                        new PrefetchDefinition(FHIR, PREFETCH, List.of(observation("obs-x", "x", "oldest", "1-8"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("obs-x.json: prefetch-results 'oldest' is none of");
    }

    private static KnowledgeFile observation(String id, String key, String results, String... loinc) {
        StringBuilder extensions = new StringBuilder();
        if (key != null) {
            extensions.append("{\"url\":\"" + PrefetchDefinition.KEY + "\",\"valueString\":\"" + key + "\"}");
        }
        if (results != null) {
            extensions.append(",{\"url\":\"" + PrefetchDefinition.RESULTS + "\",\"valueCode\":\"" + results + "\"}");
        }
        StringBuilder concepts = new StringBuilder();
        for (String code : loinc) {
            concepts.append(concepts.isEmpty() ? "" : ",")
                    .append("{\"code\":\"")
                    .append(code)
                    .append("\"}");
        }
        String json = "{\"resourceType\":\"ValueSet\",\"id\":\"" + id + "\",\"status\":\"active\",\"extension\":["
                + extensions + "],\"compose\":{\"include\":[{\"system\":\"http://loinc.org\",\"concept\":[" + concepts
                + "]}]}}";
        return new KnowledgeFile(id + ".json", json);
    }
}
