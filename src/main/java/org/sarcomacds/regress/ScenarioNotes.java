package org.sarcomacds.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-readable lines of a {@code scenario.md}: {@code - <hook>: RULE-A, RULE-B} or {@code - <hook>: none},
 * the rule ids a CDS committee expects, in card order. A scenario without the file, or without a line for a hook,
 * is compared with its expected file only.
 */
final class ScenarioNotes {

    private static final Pattern LINE = Pattern.compile("^- ([a-z][a-z0-9-]*): (.+)$");

    private ScenarioNotes() {}

    static Map<String, List<String>> expectedRules(Path file) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return rules;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidFixtureException(file + " cannot be read: " + e.getMessage() + ".");
        }
        for (String line : lines) {
            Matcher matcher = LINE.matcher(line.strip());
            if (matcher.matches() && FixtureFolder.HOOK_ORDER.contains(matcher.group(1))) {
                rules.put(matcher.group(1), ids(matcher.group(2).strip()));
            }
        }
        return rules;
    }

    private static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        if (text.equals("none")) {
            return ids;
        }
        for (String id : text.split(",")) {
            ids.add(id.strip());
        }
        return ids;
    }
}
