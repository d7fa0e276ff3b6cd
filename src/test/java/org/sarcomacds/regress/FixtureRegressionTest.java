package org.sarcomacds.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.support.CdsResponseAssertions.assertValidResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.regress.RunResult.CaseResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Our own {@code fhir-fixtures/} through the runner a site uses ({@code regress}): every patient through the real
 * HTTP endpoint of an in-process service, for each hook, with prefetch filled from the service's own templates and
 * with no prefetch while the loopback fixture FHIR server answers the searches (and checks the Bearer token). Each
 * case must give the reviewed golden cards ({@code <hook>.expected.json}, UUIDs removed) and the rule ids that
 * {@code scenario.md} names; the JUnit report the run writes has one test case per fixture, hook and mode.
 *
 * <p>Golden files are regenerated only on purpose: {@code mvn verify -Dfixtures.regenerate=true} (the same as
 * {@code regress fhir-fixtures --record --overwrite}), then review the diff like code.
 */
class FixtureRegressionTest {

    private static final Path FIXTURES = Path.of("fhir-fixtures");
    private static final Path REPORTS = Path.of("target/regress-report");
    private static final Map<String, CaseResult> CASES = new ConcurrentHashMap<>();
    private static int exitCode;
    private static String console;

    @BeforeAll
    static void runTheFixtures() {
        List<String> args = new ArrayList<>(List.of(FIXTURES.toString(), "--report-dir", REPORTS.toString()));
        if (Boolean.getBoolean("fixtures.regenerate")) {
            args.addAll(List.of("--record", "--overwrite"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        exitCode = RegressCommand.run(
                args, SarcomaCdsApplication.class, print, print, c -> CASES.put(c.scenario() + " " + c.name(), c));
        console = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyFixtureHookAndModeRanAndMatched() throws Exception {
        assertThat(exitCode).as(console).isZero();
        int contexts = 0;
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            contexts = (int)
                    files.filter(f -> f.toString().endsWith(".context.json")).count();
        }
        assertThat(contexts).as("fixture hook contexts").isGreaterThanOrEqualTo(60);
        assertThat(CASES).as("one case per context and mode").hasSize(2 * contexts);

        Element suites = junit().getDocumentElement();
        assertThat(suites.getAttribute("tests")).isEqualTo(String.valueOf(2 * contexts));
        assertThat(suites.getAttribute("failures")).isEqualTo("0");
        assertThat(Files.readString(REPORTS.resolve("report.html")))
                .contains((2 * contexts) + " of " + (2 * contexts) + " cases match");
    }

    /** One test per fixture, hook and mode, as the JUnit report lists them: a failure shows the run's diff. */
    @TestFactory
    Stream<DynamicTest> eachCaseOfTheJUnitReport() throws Exception {
        NodeList cases = junit().getElementsByTagName("testcase");
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            String name = testCase.getAttribute("classname").substring("regress.".length()) + " "
                    + testCase.getAttribute("name");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                NodeList failures = testCase.getElementsByTagName("failure");
                assertThat(failures.getLength())
                        .as(failures.getLength() == 0 ? name : failures.item(0).getTextContent())
                        .isZero();
                CaseResult result = CASES.get(name);
                assertThat(result).as("the run's own record of " + name).isNotNull();
                assertValidResponse(result.actual());
            }));
        }
        assertThat(tests).isNotEmpty();
        return tests.stream();
    }

    @Test
    void theFetchModeReadsTheEhrAndThePrefetchModeDoesNot() {
        CaseResult fetched = CASES.get("lms-uterine-on-pazopanib patient-view (fetch)");
        CaseResult prefetched = CASES.get("lms-uterine-on-pazopanib patient-view (prefetch)");
        assertThat(fetched.fhirRequests())
                .extracting(LoopbackFhirServer.Request::query)
                .contains("Patient/lms-uterine-on-pazopanib", "Condition?patient=lms-uterine-on-pazopanib&_count=100")
                .allMatch(q -> q.contains("lms-uterine-on-pazopanib"));
        assertThat(fetched.fhirRequests()).allMatch(r -> r.status() == 200 && r.problem() == null);
        assertThat(prefetched.fhirRequests()).isEmpty();
    }

    private static Document junit() throws Exception {
        try {
            return DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(REPORTS.resolve("junit.xml").toFile());
        } catch (IOException e) {
            throw new AssertionError("no JUnit report: " + console, e);
        }
    }
}
