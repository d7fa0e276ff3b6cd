package org.sarcomacds.regress;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.sarcomacds.knowledge.SiteKnowledge.SiteFile;
import org.sarcomacds.regress.CardComparison.CardDiff;
import tools.jackson.databind.JsonNode;

/**
 * What a regression run found.
 *
 * @param folder    the fixture folder
 * @param asOf      the evaluation date every hook call used
 * @param compare   how much of each card had to match
 * @param siteDir   the site folder loaded, or null
 * @param siteFiles the site files loaded, with their checksums
 * @param scenarios each scenario with its cases
 */
record RunResult(
        Path folder,
        LocalDate asOf,
        CardComparison.Mode compare,
        Path siteDir,
        List<SiteFile> siteFiles,
        List<ScenarioResult> scenarios) {

    /** Exit code 0: every case matched (or was recorded); 1: differences. (2, invalid input, has no result.) */
    int exitCode() {
        return cases().stream().allMatch(c -> c.status() != Status.DIFFERENT) ? 0 : 1;
    }

    List<CaseResult> cases() {
        return scenarios.stream().flatMap(s -> s.cases().stream()).toList();
    }

    long count(Status status) {
        return cases().stream().filter(c -> c.status() == status).count();
    }

    enum Status {
        MATCH,
        RECORDED,
        DIFFERENT
    }

    /** How the service got the record: all of it in prefetch, or none of it (it fetches from the FHIR server). */
    enum Mode {
        PREFETCH,
        FETCH;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** @param unreadable resources of the record left out, with why */
    record ScenarioResult(String id, Path dir, List<String> unreadable, List<CaseResult> cases) {

        boolean allPassed() {
            return cases.stream().allMatch(c -> c.status() != Status.DIFFERENT);
        }
    }

    /**
     * One hook called for one scenario in one mode.
     *
     * @param problems     what differs, one sentence each (empty for a match)
     * @param cardDiffs    the cards that differ from the approved ones
     * @param fhirRequests every request the service made to the fixture FHIR server
     * @param actual       the answer (UUIDs included), or null when the call failed
     * @param millis       how long the hook call took
     */
    record CaseResult(
            String scenario,
            String hook,
            Mode mode,
            Status status,
            List<String> problems,
            List<CardDiff> cardDiffs,
            List<LoopbackFhirServer.Request> fhirRequests,
            JsonNode actual,
            long millis) {

        String name() {
            return hook + " (" + mode.label() + ")";
        }
    }
}
