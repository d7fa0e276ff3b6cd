package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sarcomacds.support.Fixture;

/** Fixture discovery: any folder with a record.json is a patient; broken fixtures stop the demo from starting. */
class FixtureLibraryTest {

    @TempDir
    Path root;

    private FixtureLibrary library() {
        return new FixtureLibrary("file:" + root.toAbsolutePath() + "/*/record.json");
    }

    private void fixture(String folder, String patientId, String otherResource) throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder));
        Files.writeString(dir.resolve("record.json"), """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "%s"}},
                  {"resource": %s}
                ]}""".formatted(patientId, otherResource));
    }

    @Test
    void everyFolderWithARecordIsAPatientWithItsScenarioAndContexts() throws IOException {
        fixture(
                "b-second",
                "b-second",
                "{\"resourceType\": \"Condition\", \"id\": \"b1\", \"subject\": {\"reference\": \"Patient/b-second\"}}");
        fixture(
                "a-first",
                "a-first",
                "{\"resourceType\": \"Condition\", \"id\": \"a1\", \"subject\": {\"reference\": \"Patient/a-first\"}}");
        Files.writeString(root.resolve("a-first/scenario.md"), "# a-first\n- patient-view: none\n");
        Files.writeString(
                root.resolve("a-first/patient-view.context.json"),
                "{\"userId\": \"Practitioner/p1\", \"patientId\": \"a-first\"}");
        Files.writeString(
                root.resolve("a-first/order-select.context.json"),
                "{\"selections\": [\"MedicationRequest/d1\"], \"draftOrders\": {\"resourceType\": \"Bundle\"}}");
        Files.createDirectories(root.resolve("not-a-fixture"));

        FixtureLibrary library = library();

        assertThat(library.all()).extracting(FixtureLibrary.DemoFixture::id).containsExactly("a-first", "b-second");
        FixtureLibrary.DemoFixture first = library.all().get(0);
        assertThat(first.scenario()).contains("patient-view: none");
        assertThat(first.userId()).isEqualTo("Practitioner/p1");
        assertThat(first.orderSelect().path("selections").get(0).asString()).isEqualTo("MedicationRequest/d1");
        assertThat(library.all().get(1).userId()).isNull();
        assertThat(library.fhir().read("Condition", "b1")).isPresent();
        assertThat(library.fhir()
                        .search("Condition", java.util.Map.of("patient", "a-first"), "http://x/fhir")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theSameResourceInTwoFixturesIsAllowedOnlyWhenIdentical() throws IOException {
        String medication =
                "{\"resourceType\": \"Medication\", \"id\": \"shared\", \"code\": {\"text\": \"doxorubicin\"}}";
        fixture("a", "a", medication);
        fixture("b", "b", medication);
        assertThat(library().fhir().read("Medication", "shared")).isPresent();

        fixture(
                "c",
                "c",
                "{\"resourceType\": \"Medication\", \"id\": \"shared\", \"code\": {\"text\": \"gemcitabine\"}}");
        assertThatThrownBy(this::library)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unique")
                .hasMessageContaining("Medication/shared");
    }

    @Test
    void aRecordWithoutExactlyOnePatientStopsTheStart() throws IOException {
        fixture("two", "two", "{\"resourceType\": \"Patient\", \"id\": \"another\"}");

        assertThatThrownBy(this::library)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fhir-fixtures/two/record.json must hold exactly one Patient");
    }

    @Test
    void theRepositoryFixturesAreAllFound() {
        FixtureLibrary library = new FixtureLibrary("file:" + Fixture.ROOT.toAbsolutePath() + "/*/record.json");

        assertThat(library.all())
                .extracting(FixtureLibrary.DemoFixture::id)
                .containsExactlyElementsOf(
                        Fixture.all().stream().map(Fixture::id).toList());
    }
}
