package org.sarcomacds.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a site's {@code parameters.json} to the built-in one: the same shape, only the values that change. Every
 * value must be a number at a path {@code hooks/parameter-limits.json} declares, within its range (a whole number
 * where the built-in value is one); anything else stops start-up with one sentence naming the file and the problem.
 */
final class ParameterOverrides {

    private ParameterOverrides() {}

    /** Checks that each declared range names a number of the built-in parameters and holds its value. */
    static void checkLimits(JsonNode builtIn, ParameterLimits limits) {
        limits.limits().forEach((path, limit) -> {
            JsonNode value = at(builtIn, path);
            if (value == null || !value.isNumber()) {
                throw new InvalidKnowledgeException("hooks file " + ParameterLimits.FILE + " declares a range for "
                        + path + ", which is not a number in parameters.json.");
            }
            if (limit.min() > limit.max() || !limit.allows(value.asDouble())) {
                throw new InvalidKnowledgeException("hooks file " + ParameterLimits.FILE + " gives " + path
                        + " the range " + limit.range() + ", which does not hold its built-in value " + value + ".");
            }
        });
    }

    /** The built-in parameters with the site's values in place, and the values it changed by path. */
    static Applied apply(JsonNode builtIn, ParameterLimits limits, KnowledgeFile site) {
        ObjectNode merged = (ObjectNode) builtIn.deepCopy();
        Map<String, JsonNode> changed = new LinkedHashMap<>();
        JsonNode overrides = site.tree();
        if (!overrides.isObject()) {
            throw refused(site, "must be a JSON object shaped like hooks/parameters.json");
        }
        overrides.properties().forEach(block -> {
            if (block.getKey().equals("description") && block.getValue().isString()) {
                return; // the site's own note on why it overrides
            }
            walk(merged, block.getKey(), block.getValue(), limits, site, changed);
        });
        return new Applied(merged, changed);
    }

    private static void walk(
            ObjectNode merged,
            String path,
            JsonNode value,
            ParameterLimits limits,
            KnowledgeFile site,
            Map<String, JsonNode> changed) {
        JsonNode builtIn = at(merged, path);
        if (builtIn == null) {
            throw refused(site, "sets " + path + ", which hooks/parameters.json does not have");
        }
        if (value.isObject() && builtIn.isObject()) {
            value.properties().forEach(e -> walk(merged, path + "." + e.getKey(), e.getValue(), limits, site, changed));
            return;
        }
        ParameterLimits.Limit limit = limits.limits().get(path);
        if (limit == null) {
            throw refused(
                    site,
                    "sets " + path + ", which a site may not override (hooks/" + ParameterLimits.FILE
                            + " declares no range for it)");
        }
        if (!value.isNumber() || (builtIn.isIntegralNumber() && !value.isIntegralNumber())) {
            throw refused(site, "sets " + path + " to " + value + ", which is not " + kind(builtIn));
        }
        if (!limit.allows(value.asDouble())) {
            throw refused(
                    site,
                    "sets " + path + " to " + value + ", outside its allowed range " + limit.range() + " ("
                            + limit.why().replaceAll("\\.$", "") + ")");
        }
        int dot = path.lastIndexOf('.');
        ((ObjectNode) at(merged, path.substring(0, dot))).set(path.substring(dot + 1), value);
        changed.put(path, value);
    }

    private static String kind(JsonNode builtIn) {
        return builtIn.isIntegralNumber() ? "a whole number" : "a number";
    }

    /** The node at a dotted path, or null. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            if (node == null || !node.isObject() || !node.has(name)) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    private static InvalidKnowledgeException refused(KnowledgeFile site, String problem) {
        return new InvalidKnowledgeException(site.where() + " " + problem + ".");
    }

    /**
     * @param parameters the merged parameters
     * @param changed    the values the site set, by path
     */
    record Applied(JsonNode parameters, Map<String, JsonNode> changed) {}
}
