package org.sarcomacds.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sarcomacds.knowledge.SiteKnowledge.SiteFile;
import org.sarcomacds.regress.CardComparison.CardDiff;
import org.sarcomacds.regress.CardComparison.FieldDiff;
import org.sarcomacds.regress.RunResult.CaseResult;
import org.sarcomacds.regress.RunResult.ScenarioResult;
import org.sarcomacds.regress.RunResult.Status;

/**
 * The run as one self-contained HTML page (styles inline, no script, nothing fetched): settings, totals, a table of
 * every case, and for each difference the problems and a coloured diff of each card field that changed.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1d1d1f;max-width:1200px}
            table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;\
            vertical-align:top}th{background:#f3f3f3}.ok{color:#176f2c}.bad{color:#a4161a;font-weight:bold}
            .diff{font:12px/1.4 ui-monospace,monospace;background:#fafafa;border:1px solid #ddd;padding:.5em;\
            white-space:pre-wrap;overflow-wrap:anywhere}.del{background:#ffe3e3;display:block}\
            .add{background:#e1f7e5;display:block}.skip{color:#777;display:block}.same{display:block}
            h3{margin-top:2em;border-top:1px solid #ddd;padding-top:1em}code{background:#f3f3f3;padding:0 .2em}
            """;

    private HtmlReport() {}

    static void write(RunResult run, Path file) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>Regression report: ")
                .append(esc(run.folder().getFileName().toString()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        html.append("<h1>Regression report: ")
                .append(esc(run.folder().getFileName().toString()))
                .append("</h1>\n<table>");
        row(
                html,
                "Result",
                "<span class=\"" + (run.exitCode() == 0 ? "ok" : "bad") + "\">" + esc(MarkdownReport.verdict(run))
                        + "</span> (exit code " + run.exitCode() + ")");
        row(html, "Folder", "<code>" + esc(run.folder().toString()) + "</code>");
        row(html, "Evaluated as of", esc(run.asOf().toString()));
        row(html, "Compared", esc(MarkdownReport.compared(run)));
        row(
                html,
                "Site knowledge",
                run.siteDir() == null ? "none" : "<code>" + esc(run.siteDir().toString()) + "</code>");
        for (SiteFile site : run.siteFiles()) {
            row(html, "", "<code>" + esc(site.path()) + "</code> sha256 <code>" + site.sha256() + "</code>");
        }
        html.append("</table>\n<table><tr><th>Cases</th><th>Match</th><th>Recorded</th><th>Different</th></tr><tr><td>")
                .append(String.join("</td><td>", MarkdownReport.totals(run)))
                .append("</td></tr></table>\n");
        cases(html, run);
        differences(html, run);
        unreadable(html, run);
        html.append("</body></html>\n");
        Files.writeString(file, html.toString());
    }

    private static void cases(StringBuilder html, RunResult run) {
        html.append("<h2>Scenarios</h2>\n<table><tr><th>Scenario</th><th>Hook</th><th>Mode</th><th>Result</th>")
                .append("<th>Cards</th><th>FHIR requests</th></tr>\n");
        for (CaseResult c : run.cases()) {
            boolean bad = c.status() == Status.DIFFERENT;
            html.append("<tr><td>")
                    .append(bad ? "<a href=\"#" + anchor(c) + "\">" + esc(c.scenario()) + "</a>" : esc(c.scenario()))
                    .append("</td><td>")
                    .append(esc(c.hook()))
                    .append("</td><td>")
                    .append(c.mode().label())
                    .append("</td><td class=\"")
                    .append(bad ? "bad\">different" : "ok\">" + CaseText.status(c.status()))
                    .append("</td><td>")
                    .append(esc(MarkdownReport.cards(c)))
                    .append("</td><td>")
                    .append(c.fhirRequests().size())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void differences(StringBuilder html, RunResult run) {
        if (run.count(Status.DIFFERENT) == 0) {
            return;
        }
        html.append("<h2>Differences</h2>\n<p>In each diff, <span class=\"del\">- lines are the approved answer")
                .append(
                        " (&lt;hook&gt;.expected.json)</span><span class=\"add\">+ lines what the service returned</span></p>\n");
        for (CaseResult c : run.cases()) {
            if (c.status() != Status.DIFFERENT) {
                continue;
            }
            html.append("<h3 id=\"")
                    .append(anchor(c))
                    .append("\">")
                    .append(esc(c.scenario() + " — " + c.name()))
                    .append("</h3>\n<ul>");
            c.problems().forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
            html.append("</ul>\n");
            for (CardDiff card : c.cardDiffs()) {
                html.append("<h4>").append(esc(CaseText.heading(card))).append("</h4>\n");
                for (FieldDiff field : card.fields()) {
                    html.append("<p><code>").append(esc(field.field())).append("</code></p><div class=\"diff\">");
                    field.lines()
                            .forEach(line -> html.append("<span class=\"")
                                    .append(
                                            switch (line.op()) {
                                                case '-' -> "del";
                                                case '+' -> "add";
                                                case '…' -> "skip";
                                                default -> "same";
                                            })
                                    .append("\">")
                                    .append(esc(line.render()))
                                    .append("</span>"));
                    html.append("</div>\n");
                }
            }
        }
    }

    private static void unreadable(StringBuilder html, RunResult run) {
        for (ScenarioResult scenario : run.scenarios()) {
            if (!scenario.unreadable().isEmpty()) {
                html.append("<h3>")
                        .append(esc(scenario.id()))
                        .append(": resources left out (cannot be read)</h3>\n<ul>");
                scenario.unreadable()
                        .forEach(u -> html.append("<li>").append(esc(u)).append("</li>"));
                html.append("</ul>\n");
            }
        }
    }

    private static String anchor(CaseResult c) {
        return (c.scenario() + "-" + c.hook() + "-" + c.mode().label()).replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>")
                .append(esc(name))
                .append("</th><td>")
                .append(value)
                .append("</td></tr>\n");
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
