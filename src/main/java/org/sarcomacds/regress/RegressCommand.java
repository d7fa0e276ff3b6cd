package org.sarcomacds.regress;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sarcomacds.regress.RunResult.CaseResult;
import org.sarcomacds.regress.RunResult.Status;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar sarcoma-cds.jar regress <folder> [options]}: a site's own fixture regression (docs/integration.md).
 * Exit code 0 when every case matches, 1 when some differ, 2 when the folder, a file or an option cannot be used
 * (one message naming the file and the problem). Reports: {@code junit.xml}, {@code report.md}, {@code report.html}.
 */
public final class RegressCommand {

    static final String USAGE = """
            Usage: regress <folder> [options]
              Runs every scenario folder of <folder> (the layout of fhir-fixtures/) through the service, in prefetch
              and fetch modes, and compares the cards with <hook>.expected.json.
            Options:
              --report-dir DIR       where junit.xml, report.md and report.html go (default regress-report)
              --compare full|rules   compare every card field (default), or rule ids and indicators only
              --record               write <hook>.expected.json where there is none (approve a baseline)
              --overwrite            with --record, rewrite existing expected files; with --fhir-server, replace folders
              --site-dir DIR         load this site knowledge folder (cds.knowledge.site-dir)
              --as-of YYYY-MM-DD     evaluate records as of this date (default: regress.json's asOf, else today)
              --fhir-server URL      first snapshot test patients from this FHIR server into <folder>
              --patients ID,ID       the patients to snapshot (with --fhir-server)
              --token-file FILE      a file holding the Bearer token for --fhir-server
              --cds.NAME=VALUE       any other service setting, e.g. --cds.fetch.deadline=3s
            Exit code: 0 all cases match, 1 differences, 2 invalid folder, file or option.""";

    private RegressCommand() {}

    /** The command line entry ({@code SarcomaCdsApplication} dispatches {@code regress} here); exits the JVM. */
    public static void main(String[] args, Class<?> application) {
        Map<String, String> quiet = ServiceUnderTest.quietLogging();
        // the folder is read (with HAPI, which says hello at INFO) before Spring Boot sets the levels above
        if (LoggerFactory.getLogger("ca.uhn.fhir") instanceof ch.qos.logback.classic.Logger hapi) {
            hapi.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        System.exit(run(Arrays.asList(args), application, quiet, System.out, System.err, c -> {}));
    }

    /** Runs the command and returns its exit code; the service logs as configured (for tests). */
    public static int run(List<String> args, Class<?> application, PrintStream out, PrintStream err) {
        return run(args, application, Map.of(), out, err, c -> {});
    }

    /** The same, telling {@code each} every case as it ends. */
    static int run(
            List<String> args, Class<?> application, PrintStream out, PrintStream err, Consumer<CaseResult> each) {
        return run(args, application, Map.of(), out, err, each);
    }

    private static int run(
            List<String> args,
            Class<?> application,
            Map<String, String> logging,
            PrintStream out,
            PrintStream err,
            Consumer<CaseResult> each) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("regress: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        Map<String, String> properties = new LinkedHashMap<>(logging);
        properties.putAll(options.settings().properties());
        RegressionRunner.Settings settings = withProperties(options.settings(), properties);
        try {
            RunResult result = RegressionRunner.run(application, settings, c -> {
                printFailure(c, out);
                each.accept(c);
            });
            Reports.write(result, options.reportDir());
            out.println("regress: " + MarkdownReport.verdict(result) + ", " + result.count(Status.DIFFERENT)
                    + " different; reports in " + options.reportDir() + " (junit.xml, report.md, report.html)");
            return result.exitCode();
        } catch (InvalidFixtureException | ServiceUnderTest.ServiceStartException e) {
            err.println("regress: " + e.getMessage());
            Reports.writeInvalid(options.reportDir(), e.getMessage());
            return 2;
        }
    }

    private static RegressionRunner.Settings withProperties(
            RegressionRunner.Settings s, Map<String, String> properties) {
        return new RegressionRunner.Settings(
                s.folder(), s.compare(), s.record(), s.overwrite(), s.asOf(), s.siteDir(), properties, s.snapshot());
    }

    private static void printFailure(CaseResult result, PrintStream out) {
        if (result.status() == Status.DIFFERENT) {
            out.println("DIFFERENT " + result.scenario() + " " + result.name() + ": "
                    + result.problems().get(0));
        }
    }

    /** The parsed command line. */
    record Options(RegressionRunner.Settings settings, Path reportDir, boolean help) {

        static Options parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> properties = new LinkedHashMap<>();
            List<String> positional = new ArrayList<>();
            boolean record = false;
            boolean overwrite = false;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                switch (name) {
                    case "--help", "-h" -> {
                        return new Options(null, null, true);
                    }
                    case "--record" -> record = true;
                    case "--overwrite" -> overwrite = true;
                    case "--report-dir",
                            "--compare",
                            "--site-dir",
                            "--as-of",
                            "--fhir-server",
                            "--patients",
                            "--token-file" -> {
                        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : next(args, ++i, name);
                        values.put(name, value);
                    }
                    default -> {
                        if (arg.startsWith("--") && arg.contains("=") && !name.equals("--")) {
                            properties.put(name.substring(2), arg.substring(arg.indexOf('=') + 1));
                        } else if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        } else {
                            positional.add(arg);
                        }
                    }
                }
            }
            if (positional.size() != 1) {
                throw new IllegalArgumentException("name one fixture folder");
            }
            FhirSnapshot.Request snapshot = snapshot(values);
            RegressionRunner.Settings settings = new RegressionRunner.Settings(
                    Path.of(positional.get(0)),
                    compare(values.getOrDefault("--compare", "full")),
                    record,
                    overwrite,
                    values.containsKey("--as-of") ? date(values.get("--as-of")) : null,
                    values.containsKey("--site-dir") ? Path.of(values.get("--site-dir")) : null,
                    properties,
                    snapshot);
            return new Options(settings, Path.of(values.getOrDefault("--report-dir", "regress-report")), false);
        }

        private static String next(List<String> args, int i, String name) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i);
        }

        private static CardComparison.Mode compare(String value) {
            return switch (value) {
                case "full" -> CardComparison.Mode.FULL;
                case "rules" -> CardComparison.Mode.RULES;
                default -> throw new IllegalArgumentException("--compare is full or rules, not " + value);
            };
        }

        private static LocalDate date(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--as-of " + value + " is not a date (yyyy-MM-dd)");
            }
        }

        private static FhirSnapshot.Request snapshot(Map<String, String> values) {
            if (!values.containsKey("--fhir-server")) {
                if (values.containsKey("--patients") || values.containsKey("--token-file")) {
                    throw new IllegalArgumentException("--patients and --token-file go with --fhir-server");
                }
                return null;
            }
            if (!values.containsKey("--patients") || values.get("--patients").isBlank()) {
                throw new IllegalArgumentException("--fhir-server needs --patients id1,id2");
            }
            List<String> patients = Arrays.stream(values.get("--patients").split(","))
                    .map(String::strip)
                    .filter(p -> !p.isEmpty())
                    .toList();
            Path token = values.containsKey("--token-file") ? Path.of(values.get("--token-file")) : null;
            return new FhirSnapshot.Request(values.get("--fhir-server"), patients, token);
        }
    }

    /** The three reports, and for an invalid folder a JUnit error, so a CI system shows why nothing ran. */
    static final class Reports {

        private Reports() {}

        static void write(RunResult result, Path dir) {
            try {
                Files.createDirectories(dir);
                JUnitReport.write(result, dir.resolve("junit.xml"));
                MarkdownReport.write(result, dir.resolve("report.md"));
                HtmlReport.write(result, dir.resolve("report.html"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the reports to " + dir, e);
            }
        }

        static void writeInvalid(Path dir, String message) {
            try {
                Files.createDirectories(dir);
                Files.writeString(
                        dir.resolve("junit.xml"),
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"regress\" tests=\"1\""
                                + " failures=\"0\" errors=\"1\">\n  <testsuite name=\"regress\" tests=\"1\" failures=\"0\""
                                + " errors=\"1\">\n    <testcase classname=\"regress\" name=\"fixture folder\">"
                                + "<error type=\"invalid\" message=\"" + HtmlReport.esc(message) + "\"/></testcase>\n"
                                + "  </testsuite>\n</testsuites>\n");
                Files.writeString(
                        dir.resolve("report.md"), "# Regression report\n\nNot run (exit code 2): " + message + "\n");
                Files.writeString(
                        dir.resolve("report.html"),
                        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Regression report"
                                + "</title></head><body><h1>Regression report</h1><p>Not run (exit code 2): "
                                + HtmlReport.esc(message) + "</p></body></html>\n");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the reports to " + dir, e);
            }
        }
    }
}
