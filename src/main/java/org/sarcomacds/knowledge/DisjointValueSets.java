package org.sarcomacds.knowledge;

import java.util.List;

/**
 * The value sets of {@code hooks/valuesets/} that must never share a code ({@code hooks/disjoint-valuesets.json}):
 * a code in two of them would change a card, e.g. one drug taken for both gemcitabine and pazopanib would fire the
 * LMS03 warning on its own. Checked at start-up for the built-in value sets, the site's added codes and the product
 * → ingredient maps.
 *
 * @param groups each group's value sets are pairwise disjoint
 */
public record DisjointValueSets(String description, List<Group> groups) {

    public static DisjointValueSets load() {
        return KnowledgeFiles.jsonFile(FILE).as(DisjointValueSets.class);
    }

    public static final String FILE = "disjoint-valuesets.json";

    public DisjointValueSets {
        groups = List.copyOf(groups == null ? List.of() : groups);
    }

    /** @param why what a code in two of them would do to a card */
    public record Group(String why, List<String> valueSets) {

        public Group {
            valueSets = List.copyOf(valueSets == null ? List.of() : valueSets);
        }
    }
}
