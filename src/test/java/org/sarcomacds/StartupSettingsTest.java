package org.sarcomacds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Settings as an operator types them: a bad site knowledge file stops start-up with its one sentence (no stack
 * trace), one element of a list overridden alone is explained with the form that works, and the sandbox profile
 * takes a local FHIR server from {@code cds.sandbox.fhir-servers}.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSettingsTest {

    @TempDir
    Path site;

    @Test
    void aBadSiteFileStopsStartUpWithOneSentence(CapturedOutput output) throws IOException {
        Files.writeString(site.resolve("parameters.json"), "{\"labs\": {\"recentDays\": 365}}");

        assertThatThrownBy(() -> start("--cds.knowledge.site-dir=" + site)).isNotNull();

        String sentence = "Site file " + site.resolve("parameters.json").toAbsolutePath()
                + " sets labs.recentDays to 365, outside its allowed range 1 to 30";
        String all = output.getOut() + output.getErr();
        // plain text or JSON lines, whichever console format an earlier context of this JVM left in place
        String report = all.substring(all.indexOf("APPLICATION FAILED TO START"));
        assertThat(report).contains("Description:").contains(sentence);
        assertThat(report).as("no stack trace in the report").doesNotContain("\tat org.", "\\tat org.");
    }

    @Test
    void oneListElementAloneIsExplainedWithTheFormThatWorks(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=sandbox",
                        "--cds.security.clients[0].fhir-servers[1]=http://127.0.0.1:8090/fhir"))
                .isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("cds.security.clients[0].fhir-servers[1] was set without the elements before it")
                .contains(
                        "--cds.sandbox.fhir-servers=https://launch.smarthealthit.org/v/r4/fhir,http://127.0.0.1:8090/fhir");
    }

    @Test
    void theSandboxProfileTakesALocalFhirServer() {
        try (ConfigurableApplicationContext context = start(
                "--spring.profiles.active=sandbox",
                "--cds.sandbox.fhir-servers=https://launch.smarthealthit.org/v/r4/fhir,http://127.0.0.1:8090/fhir")) {
            CdsProperties.Client sandbox =
                    context.getBean(CdsProperties.class).security().clients().get(0);
            assertThat(sandbox.issuer()).isEqualTo("https://sandbox.cds-hooks.org");
            assertThat(sandbox.fhirServers())
                    .containsExactly("https://launch.smarthealthit.org/v/r4/fhir", "http://127.0.0.1:8090/fhir");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=jdbc:h2:mem:startup-settings-" + System.nanoTime();
        return new SpringApplicationBuilder(SarcomaCdsApplication.class)
                .web(WebApplicationType.NONE)
                .run(all);
    }
}
