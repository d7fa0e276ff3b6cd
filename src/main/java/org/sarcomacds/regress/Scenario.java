package org.sarcomacds.regress;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One scenario folder: a patient's record, the hook contexts to call, and what each hook is expected to answer.
 *
 * @param id            the folder name
 * @param dir           the folder
 * @param patientId     the id of the record's one Patient
 * @param resources     the record's resources the runner could read (references to {@code urn:uuid:} full URLs
 *                      rewritten to {@code Type/id}, as a server does when it stores a transaction)
 * @param unreadable    resources left out, each with why: reported, not fatal
 * @param contexts      hook → the hook's {@code context}, in hook order
 * @param expectedRules hook → the rule ids {@code scenario.md} names, for the hooks it names
 */
record Scenario(
        String id,
        Path dir,
        String patientId,
        List<JsonNode> resources,
        List<String> unreadable,
        Map<String, JsonNode> contexts,
        Map<String, List<String>> expectedRules) {

    Path expectedFile(String hook) {
        return dir.resolve(hook + ".expected.json");
    }

    Optional<List<String>> rulesFor(String hook) {
        return Optional.ofNullable(expectedRules.get(hook));
    }

    @Override
    public String toString() {
        return id;
    }
}
