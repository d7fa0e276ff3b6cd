package org.sarcomacds.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.demo.InMemoryFhir;
import org.sarcomacds.support.Fixture;
import tools.jackson.databind.JsonNode;

/**
 * {@code regress --fhir-server URL --patients … --token-file F --record}: a live FHIR server's test patients (here a
 * loopback FHIR server over a fixture's record, which refuses any request without the token) become scenario folders,
 * read with the service's own templates and HTTP client; the recorded baseline equals our golden file.
 */
class FhirSnapshotTest {

    @TempDir
    Path temp;

    @Test
    void aTestPatientBecomesAFixtureWhoseCardsAreTheGoldenOnes() throws Exception {
        Fixture fixture = Fixture.all().stream()
                .filter(f -> f.id().equals("lms-uterine-on-pazopanib"))
                .findFirst()
                .orElseThrow();
        try (LoopbackFhirServer ehr = new LoopbackFhirServer();
                LoopbackFhirServer.Session server = ehr.open(InMemoryFhir.resourcesOf(fixture.record()))) {
            Path token = Files.writeString(temp.resolve("token.txt"), ehr.token() + "\n");
            Path folder = temp.resolve("site-fixtures");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

            int exitCode = RegressCommand.run(
                    List.of(
                            folder.toString(),
                            "--fhir-server",
                            server.baseUrl(),
                            "--patients",
                            fixture.patientId(),
                            "--token-file",
                            token.toString(),
                            "--record",
                            "--as-of",
                            "2026-11-27",
                            "--report-dir",
                            temp.resolve("report").toString()),
                    SarcomaCdsApplication.class,
                    print,
                    print);

            assertThat(exitCode).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(server.requests()).isNotEmpty().allMatch(r -> r.method().equals("GET") && r.status() != 401);
            Path scenario = folder.resolve(fixture.patientId());
            JsonNode record = Fixture.read(scenario.resolve("record.json"));
            assertThat(record.path("entry"))
                    .hasSize(fixture.record().path("entry").size());
            assertThat(Fixture.read(scenario.resolve("patient-view.expected.json")))
                    .isEqualTo(Fixture.read(fixture.expectedFile("patient-view")));
            assertThat(Files.readString(scenario.resolve("scenario.md"))).contains("Snapshot of Patient/");
            assertThat(Files.readString(folder.resolve("regress.json"))).contains("\"asOf\" : \"2026-11-27\"");
        }
    }
}
