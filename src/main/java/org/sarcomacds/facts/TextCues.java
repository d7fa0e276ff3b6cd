package org.sarcomacds.facts;

import java.util.List;
import java.util.Map;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles;

/**
 * The words the service reads in free text ({@code hooks/text-cues.json}): negation and uncertainty cues, stop
 * reasons, route and dose-form words, qualitative result words. Read once at start-up; an empty list stops it.
 */
record TextCues(
        String description,
        int maxWordsBetween,
        List<String> clauseEnds,
        List<String> abbreviations,
        List<String> clauseEndWords,
        Directed negation,
        Directed uncertainty,
        List<String> pseudo,
        StopReasons stopReasons,
        Split routes,
        Split doseForms,
        Results results) {

    static final String FILE = "text-cues.json";

    /** The built-in cues, checked. */
    static TextCues load() {
        TextCues cues = KnowledgeFiles.jsonFile(FILE).as(TextCues.class);
        cues.check();
        return cues;
    }

    /** Cues before and after the word they govern. */
    record Directed(List<String> before, List<String> after) {}

    record StopReasons(List<String> progression, List<String> toxicity) {}

    /** Words that say a medication is given systemically, and words that say it is not. */
    record Split(List<String> systemic, List<String> nonSystemic) {}

    record Results(List<String> positive, List<String> negative) {}

    void check() {
        if (maxWordsBetween < 1) {
            throw refused("maxWordsBetween must be at least 1");
        }
        Map<String, List<String>> lists = Map.ofEntries(
                Map.entry("clauseEnds", nonNull(clauseEnds)),
                Map.entry("clauseEndWords", nonNull(clauseEndWords)),
                Map.entry("negation.before", nonNull(negation == null ? null : negation.before())),
                Map.entry("negation.after", nonNull(negation == null ? null : negation.after())),
                Map.entry("uncertainty.before", nonNull(uncertainty == null ? null : uncertainty.before())),
                Map.entry("uncertainty.after", nonNull(uncertainty == null ? null : uncertainty.after())),
                Map.entry("stopReasons.progression", nonNull(stopReasons == null ? null : stopReasons.progression())),
                Map.entry("stopReasons.toxicity", nonNull(stopReasons == null ? null : stopReasons.toxicity())),
                Map.entry("routes.systemic", nonNull(routes == null ? null : routes.systemic())),
                Map.entry("routes.nonSystemic", nonNull(routes == null ? null : routes.nonSystemic())),
                Map.entry("doseForms.systemic", nonNull(doseForms == null ? null : doseForms.systemic())),
                Map.entry("doseForms.nonSystemic", nonNull(doseForms == null ? null : doseForms.nonSystemic())),
                Map.entry("results.positive", nonNull(results == null ? null : results.positive())),
                Map.entry("results.negative", nonNull(results == null ? null : results.negative())));
        lists.forEach((name, cues) -> {
            if (cues.isEmpty()) {
                throw refused(name + " is empty");
            }
            for (String cue : cues) {
                if (name.equals("clauseEnds") ? cue == null || cue.length() != 1 : !isWords(cue)) {
                    throw refused(
                            name.equals("clauseEnds")
                                    ? "clauseEnds lists single characters only"
                                    : name + " has a blank cue or one with spaces around it");
                }
            }
        });
    }

    private static boolean isWords(String cue) {
        return cue != null && !cue.isBlank() && cue.equals(cue.strip());
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static InvalidKnowledgeException refused(String problem) {
        return new InvalidKnowledgeException("hooks file " + FILE + ": " + problem + ".");
    }
}
