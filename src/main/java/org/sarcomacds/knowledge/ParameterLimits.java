package org.sarcomacds.knowledge;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a site may override in {@code hooks/parameters.json}, and within which range ({@code
 * hooks/parameter-limits.json}). A parameter with no declared range cannot be overridden.
 *
 * @param limits by JSON path in {@code parameters.json}, blocks and names joined by dots (e.g. {@code labs.recentDays})
 */
public record ParameterLimits(String description, Map<String, Limit> limits) {

    static final String FILE = "parameter-limits.json";

    public static ParameterLimits load() {
        return KnowledgeFiles.jsonFile(FILE).as(ParameterLimits.class);
    }

    public ParameterLimits {
        limits = new TreeMap<>(limits == null ? Map.of() : limits);
    }

    /**
     * @param min lowest value allowed, inclusive
     * @param max highest value allowed, inclusive
     * @param why why a site may move the value within this range (and no further)
     */
    public record Limit(double min, double max, String why) {

        boolean allows(double value) {
            return value >= min && value <= max;
        }

        String range() {
            return format(min) + " to " + format(max);
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }
    }
}
