package org.sarcomacds.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sarcomacds.SarcomaCdsApplication;
import org.springframework.util.FileSystemUtils;

/**
 * Exit code 2: a folder, file or option the runner cannot use, and a site folder the service refuses to start with.
 * Each says, in one message, which file and what is wrong; the JUnit report carries the same message as an error.
 */
class RegressInvalidInputTest {

    @TempDir
    Path temp;

    private String console;

    @Test
    void aFolderThatDoesNotExist() {
        assertThat(regress(temp.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(console).contains("regress: " + temp.resolve("nothing-here") + " is not a folder.");
    }

    @Test
    void aRecordThatIsNotJsonIsNamedWithItsLine() throws IOException {
        Path folder = copyOfFixture("lms-in-remission");
        Path record = folder.resolve("lms-in-remission/record.json");
        Files.writeString(record, Files.readString(record).replaceFirst("\"entry\"", "entry"));

        assertThat(regress(
                        folder.toString(),
                        "--report-dir",
                        temp.resolve("report").toString()))
                .isEqualTo(2);
        assertThat(console).containsPattern("regress: " + record + " is not valid JSON at line \\d+, column \\d+: ");
        assertThat(Files.readString(temp.resolve("report/junit.xml")))
                .contains("<error type=\"invalid\" message=\"" + record + " is not valid JSON");
    }

    @Test
    void aContextForAnotherPatient() throws IOException {
        Path folder = copyOfFixture("lms-in-remission");
        Path context = folder.resolve("lms-in-remission/patient-view.context.json");
        Files.writeString(context, Files.readString(context).replace("lms-in-remission", "someone-else"));

        assertThat(regress(folder.toString())).isEqualTo(2);
        assertThat(console)
                .contains("regress: " + context + " has patientId 'someone-else', but the Patient of record.json has"
                        + " id 'lms-in-remission'.");
    }

    @Test
    void anUnknownOption() {
        assertThat(regress("fhir-fixtures", "--compare", "loosely")).isEqualTo(2);
        assertThat(console)
                .contains("regress: --compare is full or rules, not loosely")
                .contains("Usage: regress");
    }

    @Test
    void aBadSiteFileStopsTheServiceWithOneSentence() throws IOException {
        Path site = temp.resolve("site");
        Files.createDirectories(site.resolve("valuesets"));
        Files.writeString(site.resolve("valuesets/formulary.json"), """
                {"resourceType": "ValueSet", "id": "pazopanib-tablets", "status": "active",
                 "compose": {"include": [{"system": "urn:oid:1.2.3", "concept": [{"code": "P1"}]}]}}
                """);

        assertThat(regress("src/test/resources/regress/site-fixtures", "--site-dir", site.toString()))
                .isEqualTo(2);
        assertThat(console)
                .contains("regress: Site file "
                        + site.resolve("valuesets/formulary.json").toAbsolutePath()
                        + " names value set 'pazopanib-tablets', which hooks/valuesets does not have");
    }

    private Path copyOfFixture(String id) throws IOException {
        Path folder = temp.resolve("fixtures");
        FileSystemUtils.copyRecursively(Path.of("fhir-fixtures", id), folder.resolve(id));
        return folder;
    }

    private int regress(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--report-dir")) {
            all.addAll(List.of("--report-dir", temp.resolve("reports").toString()));
        }
        int code = RegressCommand.run(all, SarcomaCdsApplication.class, print, print);
        console = out.toString(StandardCharsets.UTF_8);
        return code;
    }
}
