package org.sarcomacds.regress;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sarcomacds.regress.RunResult.CaseResult;
import org.sarcomacds.regress.RunResult.ScenarioResult;
import org.sarcomacds.regress.RunResult.Status;

/**
 * The run as JUnit XML, the format CI systems read: one test suite per scenario, one test case per hook and mode
 * ({@code patient-view (prefetch)}), a failure with the differences as text, and the record's unreadable resources
 * in the suite's {@code system-err}.
 */
final class JUnitReport {

    private JUnitReport() {}

    static void write(RunResult run, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "regress " + run.folder().getFileName());
            xml.writeAttribute("tests", String.valueOf(run.cases().size()));
            xml.writeAttribute("failures", String.valueOf(run.count(Status.DIFFERENT)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute(
                    "time",
                    seconds(run.cases().stream().mapToLong(CaseResult::millis).sum()));
            for (ScenarioResult scenario : run.scenarios()) {
                suite(xml, scenario);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write " + file, e);
        }
    }

    private static void suite(XMLStreamWriter xml, ScenarioResult scenario) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", scenario.id());
        xml.writeAttribute("tests", String.valueOf(scenario.cases().size()));
        xml.writeAttribute(
                "failures",
                String.valueOf(scenario.cases().stream()
                        .filter(c -> c.status() == Status.DIFFERENT)
                        .count()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute(
                "time",
                seconds(scenario.cases().stream().mapToLong(CaseResult::millis).sum()));
        for (CaseResult result : scenario.cases()) {
            testCase(xml, result);
        }
        if (!scenario.unreadable().isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-err");
            xml.writeCharacters("Resources left out of record.json because they cannot be read:\n"
                    + String.join("\n", scenario.unreadable()));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, CaseResult result) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "regress." + result.scenario());
        xml.writeAttribute("name", result.name());
        xml.writeAttribute("time", seconds(result.millis()));
        if (result.status() == Status.DIFFERENT) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "difference");
            xml.writeAttribute("message", result.problems().get(0));
            xml.writeCharacters(CaseText.of(result));
            xml.writeEndElement();
        } else if (result.status() == Status.RECORDED) {
            xml.writeStartElement("system-out");
            xml.writeCharacters("Recorded " + result.hook() + ".expected.json as the baseline.");
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
