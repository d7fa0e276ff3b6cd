package org.sarcomacds.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sarcomacds.SarcomaCdsApplication;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The runner on a deliberately broken fixture folder ({@code src/test/resources/regress/broken}): a changed and an
 * approved card the service no longer gives, a missing baseline, a scenario.md naming a card the service does not give, and a transaction
 * Bundle with {@code urn:uuid} references and two entries that cannot be read. Exit code 1, and each report says
 * what differs and where.
 */
class RegressReportsTest {

    private static final Path BROKEN = Path.of("src/test/resources/regress/broken");
    private static final Path REPORTS = Path.of("target/regress-broken-report");
    private static int exitCode;
    private static String console;

    @BeforeAll
    static void runTheBrokenFolder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        exitCode = RegressCommand.run(
                List.of(BROKEN.toString(), "--report-dir", REPORTS.toString()),
                SarcomaCdsApplication.class,
                print,
                print);
        console = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void differencesGiveExitCodeOneAndOneLinePerCaseOnTheConsole() {
        assertThat(exitCode).as(console).isEqualTo(1);
        assertThat(console)
                .contains("DIFFERENT changed-card patient-view (prefetch): The cards differ from"
                        + " patient-view.expected.json (LMS-AVOID-GEMCITABINE-PAZOPANIB missing, LMS-NEXT-LINE-OPTIONS"
                        + " changed).")
                .contains("regress: 2 of 8 cases match, 6 different");
    }

    @Test
    void theJUnitReportHasAFailurePerDifferingCaseAndTheUnreadableResources() throws Exception {
        Document junit = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(REPORTS.resolve("junit.xml").toFile());
        Element suites = junit.getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo("8");
        assertThat(suites.getAttribute("failures")).isEqualTo("6");

        assertThat(failure(junit, "changed-card", "patient-view (fetch)"))
                .contains("Card LMS-NEXT-LINE-OPTIONS (info): changed")
                .contains("- Metastatic leiomyosarcoma: next-line options (old wording)")
                .contains("+ Metastatic leiomyosarcoma: next-line options, in the clinical source's order")
                .contains("Card LMS-AVOID-GEMCITABINE-PAZOPANIB (warning): missing");
        assertThat(failure(junit, "missing-expected", "patient-view (prefetch)"))
                .contains("There is no patient-view.expected.json: run with --record");
        assertThat(failure(junit, "wrong-rules", "patient-view (prefetch)"))
                .contains("scenario.md names LMS-CLINICAL-TRIALS; the service returned no card.");
        assertThat(failure(junit, "transaction-bundle", "patient-view (fetch)"))
                .as("a transaction Bundle with urn:uuid references gives the golden cards")
                .isNull();

        String unreadable = junit.getElementsByTagName("system-err").item(0).getTextContent();
        assertThat(unreadable)
                .contains("entry 42: no resource (request DELETE Observation/f23-obs-old)")
                .contains(
                        "Observation/bad-date: [element=\"effectiveDateTime\"] Invalid attribute value \"yesterday\"");
    }

    @Test
    void theHtmlReportIsSelfContainedAndShowsTheCardDiff() throws Exception {
        String html = Files.readString(REPORTS.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("2 of 8 cases match")
                .contains("(exit code 1)")
                .contains("<span class=\"del\">- Metastatic leiomyosarcoma: next-line options (old wording)")
                .contains("<span class=\"add\">+ Metastatic leiomyosarcoma: next-line options, in the clinical")
                .contains("<code>detail</code>")
                .contains("Observation/bad-date")
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("src=");
    }

    @Test
    void theMarkdownReportListsEveryCaseAndTheDiffs() throws Exception {
        String md = Files.readString(REPORTS.resolve("report.md"));
        assertThat(md)
                .contains("| transaction-bundle | patient-view | fetch | ✅ match |")
                .contains("| changed-card | patient-view | prefetch | ❌ different |")
                .contains("```diff\n- Metastatic leiomyosarcoma: next-line options (old wording)")
                .contains("| Evaluated as of | 2026-11-27 |");
    }

    /** The failure text of a test case, or null when it passed. */
    private static String failure(Document junit, String scenario, String name) {
        NodeList cases = junit.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            if (testCase.getAttribute("classname").equals("regress." + scenario)
                    && testCase.getAttribute("name").equals(name)) {
                NodeList failures = testCase.getElementsByTagName("failure");
                return failures.getLength() == 0 ? null : failures.item(0).getTextContent();
            }
        }
        throw new AssertionError("no test case " + scenario + " " + name);
    }
}
