package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ValueSet;
import org.sarcomacds.knowledge.DisjointValueSets;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;

/**
 * The checks on value set knowledge at start-up: a site's ValueSet file may only add codes to a value set of
 * {@code hooks/valuesets/}, and no code may sit in two value sets that {@code hooks/disjoint-valuesets.json} keeps
 * apart. Each failure is one sentence naming the file and the problem.
 */
final class SiteValueSets {

    private SiteValueSets() {}

    /** A site's ValueSet, read strictly (an unknown element is an error) and checked to add codes only. */
    static ValueSet parse(FhirContext fhir, KnowledgeFile file, Set<String> knownIds) {
        ValueSet valueSet = strictly(fhir, file, ValueSet.class, "ValueSet");
        String id = valueSet.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            throw refused(
                    file, "has no id; its id must be the id of the value set of hooks/valuesets it adds codes to");
        }
        if (!knownIds.contains(id)) {
            throw refused(
                    file,
                    "names value set '" + id + "', which hooks/valuesets does not have (known: "
                            + String.join(", ", new TreeSet<>(knownIds)) + ")");
        }
        if (valueSet.getCompose().hasExclude()) {
            throw refused(file, "has compose.exclude: a site file can add codes, never remove built-in ones");
        }
        if (valueSet.hasExtension(Terminology.TEXT_MATCH) || valueSet.hasExtension(Terminology.TEXT_NAME_BESIDE_CODE)) {
            throw refused(
                    file,
                    "has a text-match or text-name-beside-code extension: a site file adds codes; names are read"
                            + " from hooks/ only");
        }
        int codes = 0;
        for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            if (include.hasFilter() || include.hasValueSet()) {
                throw refused(file, "uses a filter or includes a value set; list each code in compose.include.concept");
            }
            if (!include.hasSystem()) {
                throw refused(file, "has a compose.include without a system");
            }
            for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                if (!concept.hasCode() || concept.getCode().isBlank()) {
                    throw refused(file, "has a concept without a code in system " + include.getSystem());
                }
                codes++;
            }
        }
        if (codes == 0) {
            throw refused(file, "adds no code (compose.include[].concept[].code)");
        }
        return valueSet;
    }

    /** A site's FHIR resource of the given type, read with HAPI's strict error handler. */
    static <T extends org.hl7.fhir.r4.model.Resource> T strictly(
            FhirContext fhir, KnowledgeFile file, Class<T> type, String typeName) {
        try {
            return fhir.newJsonParser()
                    .setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(type, file.text());
        } catch (DataFormatException | ClassCastException e) {
            throw refused(file, "is not a valid FHIR R4 " + typeName + " (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** Refuses a code that lies in two value sets of one disjoint group, naming the site file that put it there. */
    static void checkDisjoint(
            DisjointValueSets disjoint,
            Set<String> knownIds,
            Map<String, Set<String>> byCode,
            Map<String, String> siteOrigin) {
        for (DisjointValueSets.Group group : disjoint.groups()) {
            for (String id : group.valueSets()) {
                if (!knownIds.contains(id)) {
                    throw new InvalidKnowledgeException("hooks file " + DisjointValueSets.FILE + " names value set '"
                            + id + "', which hooks/valuesets does not have.");
                }
            }
        }
        for (Map.Entry<String, Set<String>> code : byCode.entrySet()) {
            for (DisjointValueSets.Group group : disjoint.groups()) {
                List<String> shared = new ArrayList<>(code.getValue());
                shared.retainAll(group.valueSets());
                if (shared.size() > 1) {
                    throw overlap(code.getKey(), shared, group, siteOrigin);
                }
            }
        }
    }

    private static InvalidKnowledgeException overlap(
            String key, List<String> valueSets, DisjointValueSets.Group group, Map<String, String> siteOrigin) {
        String code = key.replace("|", " ");
        String both = valueSets.get(0) + " and " + valueSets.get(1);
        String why = " (" + DisjointValueSets.FILE + ": " + group.why() + ")";
        for (String valueSet : valueSets) {
            String siteFile = siteOrigin.get(key + Terminology.ORIGIN_SEPARATOR + valueSet);
            if (siteFile != null) {
                return new InvalidKnowledgeException(
                        "Site file " + siteFile + " of cds.knowledge.site-dir puts code " + code + " in " + valueSet
                                + ", so it would be in both " + both + ", which must stay disjoint" + why + ".");
            }
        }
        return new InvalidKnowledgeException(
                "hooks/valuesets: code " + code + " is in both " + both + ", which must stay disjoint" + why + ".");
    }

    static InvalidKnowledgeException refused(KnowledgeFile file, String problem) {
        return new InvalidKnowledgeException(file.where() + " " + problem + ".");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
