package org.sarcomacds.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sarcomacds.knowledge.SiteKnowledge.SiteFile;
import org.sarcomacds.regress.CardComparison.CardDiff;
import org.sarcomacds.regress.CardComparison.FieldDiff;
import org.sarcomacds.regress.RunResult.CaseResult;
import org.sarcomacds.regress.RunResult.ScenarioResult;
import org.sarcomacds.regress.RunResult.Status;

/** The run in Markdown: settings, totals, one row per scenario and hook, then each difference with its card diffs. */
final class MarkdownReport {

    private MarkdownReport() {}

    static void write(RunResult run, Path file) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Regression report: ").append(run.folder().getFileName()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Result", "**" + verdict(run) + "** (exit code " + run.exitCode() + ")");
        row(md, "Folder", "`" + run.folder() + "`");
        row(md, "Evaluated as of", run.asOf().toString());
        row(md, "Compared", compared(run));
        row(md, "Site knowledge", run.siteDir() == null ? "none" : "`" + run.siteDir() + "`");
        for (SiteFile site : run.siteFiles()) {
            row(md, "", "`" + site.path() + "` sha256 `" + site.sha256() + "`");
        }
        md.append("\n| Cases | Match | Recorded | Different |\n|---|---|---|---|\n");
        md.append("| ").append(String.join(" | ", totals(run))).append(" |\n");
        md.append("\n## Scenarios\n\n| Scenario | Hook | Mode | Result | Cards | FHIR requests |\n")
                .append("|---|---|---|---|---|---|\n");
        for (CaseResult c : run.cases()) {
            md.append("| ")
                    .append(cell(c.scenario()))
                    .append(" | ")
                    .append(c.hook())
                    .append(" | ")
                    .append(c.mode().label())
                    .append(" | ")
                    .append(c.status() == Status.DIFFERENT ? "❌ different" : "✅ " + CaseText.status(c.status()))
                    .append(" | ")
                    .append(cell(cards(c)))
                    .append(" | ")
                    .append(c.fhirRequests().size())
                    .append(" |\n");
        }
        differences(md, run);
        unreadable(md, run.scenarios());
        Files.writeString(file, md.toString());
    }

    static String verdict(RunResult run) {
        long ok = run.cases().size() - run.count(Status.DIFFERENT);
        return ok + " of " + run.cases().size() + " cases match"
                + (run.count(Status.RECORDED) > 0 ? " (" + run.count(Status.RECORDED) + " recorded)" : "");
    }

    /** Cases, matched, recorded, different. */
    static List<String> totals(RunResult run) {
        return List.of(
                String.valueOf(run.cases().size()),
                String.valueOf(run.count(Status.MATCH)),
                String.valueOf(run.count(Status.RECORDED)),
                String.valueOf(run.count(Status.DIFFERENT)));
    }

    static String compared(RunResult run) {
        return run.compare() == CardComparison.Mode.FULL
                ? "every field of every card (UUIDs removed)"
                : "rule ids and indicators, in order (--compare rules)";
    }

    private static void differences(StringBuilder md, RunResult run) {
        List<CaseResult> different =
                run.cases().stream().filter(c -> c.status() == Status.DIFFERENT).toList();
        if (different.isEmpty()) {
            return;
        }
        md.append(
                        "\n## Differences\n\nIn each diff, `-` lines are the approved answer (`<hook>.expected.json`), `+` lines")
                .append(" what the service returned.\n");
        for (CaseResult c : different) {
            md.append("\n### ")
                    .append(c.scenario())
                    .append(" — ")
                    .append(c.name())
                    .append("\n\n");
            c.problems().forEach(p -> md.append("- ").append(p).append('\n'));
            for (CardDiff card : c.cardDiffs()) {
                md.append("\n**").append(CaseText.heading(card)).append("**\n");
                for (FieldDiff field : card.fields()) {
                    md.append("\n`").append(field.field()).append("`:\n\n```diff\n");
                    field.lines().forEach(line -> md.append(line.render()).append('\n'));
                    md.append("```\n");
                }
            }
        }
    }

    private static void unreadable(StringBuilder md, List<ScenarioResult> scenarios) {
        List<ScenarioResult> with =
                scenarios.stream().filter(s -> !s.unreadable().isEmpty()).toList();
        if (with.isEmpty()) {
            return;
        }
        md.append("\n## Resources left out (cannot be read)\n");
        for (ScenarioResult scenario : with) {
            md.append("\n### ").append(scenario.id()).append("\n\n");
            scenario.unreadable().forEach(u -> md.append("- ").append(cell(u)).append('\n'));
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    static String cards(CaseResult c) {
        if (c.actual() == null) {
            return "—";
        }
        java.util.List<String> rules = CardComparison.ruleIds(c.actual());
        return rules.isEmpty() ? "none" : String.join(", ", rules);
    }
}
