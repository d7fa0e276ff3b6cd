package org.sarcomacds.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.sarcomacds.SarcomaCdsApplication;
import org.sarcomacds.regress.RunResult.CaseResult;

/**
 * A site proves its local codes with its own fixtures: the runner loads the site folder
 * ({@code src/test/resources/regress/site}: a formulary pazopanib code added to the pazopanib value set, a gemcitabine
 * product mapped to its ingredient), and the fixture recorded only with those codes gets the LMS03 warning, whose
 * "Why this card" names the site file behind each match. The report lists the site files with their checksums.
 */
class SiteFixtureRegressTest {

    private static final Path REPORTS = Path.of("target/regress-site-report");

    @Test
    void theLocalCodesGetTheirCardAndTheCardNamesTheSiteFiles() throws Exception {
        Map<String, CaseResult> cases = new ConcurrentHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(
                "src/test/resources/regress/site-fixtures",
                "--site-dir",
                "src/test/resources/regress/site",
                "--report-dir",
                REPORTS.toString()));

        int exitCode = RegressCommand.run(
                args,
                SarcomaCdsApplication.class,
                print,
                print,
                c -> cases.put(c.mode().label(), c));

        assertThat(exitCode).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(cases).containsOnlyKeys("prefetch", "fetch");
        for (CaseResult result : cases.values()) {
            assertThat(CardComparison.ruleIds(result.actual())).containsExactly("LMS-AVOID-GEMCITABINE-PAZOPANIB");
            assertThat(result.actual().path("cards").path(0).path("detail").asString())
                    .contains("matched product code GEM1G mapped by site file conceptmaps/local-formulary.json to"
                            + " RxNorm 12574")
                    .contains("PAZ200 from site file valuesets/local-pazopanib.json");
        }
        assertThat(Files.readString(REPORTS.resolve("report.md")))
                .containsPattern("`valuesets/local-pazopanib.json` sha256 `[0-9a-f]{64}`")
                .containsPattern("`conceptmaps/local-formulary.json` sha256 `[0-9a-f]{64}`");
    }
}
