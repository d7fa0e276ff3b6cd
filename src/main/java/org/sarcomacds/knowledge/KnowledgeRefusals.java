package org.sarcomacds.knowledge;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;

/**
 * Why a knowledge file is refused at start-up, one sentence per problem naming the file, for the operator who reads
 * the log ({@code hooks/README.md} describes every file). The checks themselves stay with the readers of the files.
 */
public final class KnowledgeRefusals {

    private static final int MAX_DETAIL = 300;

    private KnowledgeRefusals() {}

    public static InvalidKnowledgeException notFhir(KnowledgeFile file, String typeName, String parserMessage) {
        return refused(file, "is not a valid FHIR R4 " + typeName + " (" + firstLine(parserMessage) + ")");
    }

    public static InvalidKnowledgeException valueSetWithoutId(KnowledgeFile file) {
        return refused(file, "has no id; its id must be the id of the value set of hooks/valuesets it adds codes to");
    }

    public static InvalidKnowledgeException unknownValueSet(KnowledgeFile file, String id, Set<String> knownIds) {
        return refused(
                file,
                "names value set '" + id + "', which hooks/valuesets does not have (known: "
                        + String.join(", ", new TreeSet<>(knownIds)) + ")");
    }

    public static InvalidKnowledgeException removesCodes(KnowledgeFile file) {
        return refused(file, "has compose.exclude: a site file can add codes, never remove built-in ones");
    }

    public static InvalidKnowledgeException addsNames(KnowledgeFile file) {
        return refused(
                file,
                "has a text-match or text-name-beside-code extension: a site file adds codes; names are read"
                        + " from hooks/ only");
    }

    public static InvalidKnowledgeException filterOrIncludedValueSet(KnowledgeFile file) {
        return refused(file, "uses a filter or includes a value set; list each code in compose.include.concept");
    }

    public static InvalidKnowledgeException includeWithoutSystem(KnowledgeFile file) {
        return refused(file, "has a compose.include without a system");
    }

    public static InvalidKnowledgeException conceptWithoutCode(KnowledgeFile file, String system) {
        return refused(file, "has a concept without a code in system " + system);
    }

    public static InvalidKnowledgeException addsNoCode(KnowledgeFile file) {
        return refused(file, "adds no code (compose.include[].concept[].code)");
    }

    public static InvalidKnowledgeException groupWithoutSystems(KnowledgeFile file) {
        return refused(file, "has a group without source or target system");
    }

    public static InvalidKnowledgeException elementWithoutCode(KnowledgeFile file, String system) {
        return refused(file, "has an element without a code in " + system);
    }

    public static InvalidKnowledgeException mapsToNonIngredient(
            KnowledgeFile file, String product, String equivalence) {
        return refused(
                file,
                "maps product " + product + " with equivalence " + equivalence
                        + ", which says it is not that ingredient");
    }

    public static InvalidKnowledgeException mapsOutsideValueSets(
            KnowledgeFile file, String product, String system, String code) {
        return refused(
                file,
                "maps product " + product + " to " + system + " " + code
                        + ", which is in no value set of hooks/valuesets");
    }

    public static InvalidKnowledgeException disjointGroupNamesUnknown(String valueSet) {
        return new InvalidKnowledgeException("hooks file " + DisjointValueSets.FILE + " names value set '" + valueSet
                + "', which hooks/valuesets does not have.");
    }

    /**
     * A code in two value sets of one disjoint group.
     *
     * @param siteFile the site file that put it in one of them, or null when hooks/valuesets does
     */
    public static InvalidKnowledgeException codeInDisjointValueSets(
            String code,
            List<String> valueSets,
            String valueSetOfSite,
            DisjointValueSets.Group group,
            String siteFile) {
        String both = valueSets.get(0) + " and " + valueSets.get(1);
        String why = " (" + DisjointValueSets.FILE + ": " + group.why() + ")";
        if (siteFile != null) {
            return new InvalidKnowledgeException("Site file " + siteFile + " of cds.knowledge.site-dir puts code "
                    + code
                    + " in " + valueSetOfSite + ", so it would be in both " + both + ", which must stay disjoint" + why
                    + ".");
        }
        return new InvalidKnowledgeException(
                "hooks/valuesets: code " + code + " is in both " + both + ", which must stay disjoint" + why + ".");
    }

    /**
     * A product mapped to ingredients of two value sets of one disjoint group.
     *
     * @param siteFile the site file that maps it, or null when hooks/conceptmaps does
     */
    public static InvalidKnowledgeException productInDisjointValueSets(
            String product, List<String> valueSets, DisjointValueSets.Group group, String siteFile) {
        String where = siteFile != null
                ? "Site file " + siteFile + " of cds.knowledge.site-dir maps"
                : "hooks/conceptmaps maps";
        return new InvalidKnowledgeException(where + " product " + product + " to both " + valueSets.get(0) + " and "
                + valueSets.get(1) + ", which must stay disjoint (" + DisjointValueSets.FILE + ": " + group.why()
                + ").");
    }

    private static InvalidKnowledgeException refused(KnowledgeFile file, String problem) {
        return new InvalidKnowledgeException(file.where() + " " + problem + ".");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "…" : line;
    }
}
