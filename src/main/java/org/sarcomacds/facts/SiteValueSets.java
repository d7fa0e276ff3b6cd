package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;
import org.sarcomacds.knowledge.DisjointValueSets;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.knowledge.KnowledgeRefusals;

/**
 * The checks on value set knowledge at start-up: a site's ValueSet file may only add codes to a value set of
 * {@code hooks/valuesets/}, and no code may sit in two value sets that {@code hooks/disjoint-valuesets.json} keeps
 * apart. Each failure is one sentence naming the file and the problem ({@link KnowledgeRefusals}).
 */
final class SiteValueSets {

    private SiteValueSets() {}

    /** A site's ValueSet, read strictly (an unknown element is an error) and checked to add codes only. */
    static ValueSet parse(FhirContext fhir, KnowledgeFile file, Set<String> knownIds) {
        ValueSet valueSet = strictly(fhir, file, ValueSet.class, "ValueSet");
        String id = valueSet.getIdElement().getIdPart();
        if (id == null || id.isBlank()) {
            throw KnowledgeRefusals.valueSetWithoutId(file);
        }
        if (!knownIds.contains(id)) {
            throw KnowledgeRefusals.unknownValueSet(file, id, knownIds);
        }
        if (valueSet.getCompose().hasExclude()) {
            throw KnowledgeRefusals.removesCodes(file);
        }
        if (valueSet.hasExtension(Terminology.TEXT_MATCH) || valueSet.hasExtension(Terminology.TEXT_NAME_BESIDE_CODE)) {
            throw KnowledgeRefusals.addsNames(file);
        }
        int codes = 0;
        for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            if (include.hasFilter() || include.hasValueSet()) {
                throw KnowledgeRefusals.filterOrIncludedValueSet(file);
            }
            if (!include.hasSystem()) {
                throw KnowledgeRefusals.includeWithoutSystem(file);
            }
            for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                if (!concept.hasCode() || concept.getCode().isBlank()) {
                    throw KnowledgeRefusals.conceptWithoutCode(file, include.getSystem());
                }
                codes++;
            }
        }
        if (codes == 0) {
            throw KnowledgeRefusals.addsNoCode(file);
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
            throw KnowledgeRefusals.notFhir(file, typeName, e.getMessage());
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
                    throw KnowledgeRefusals.disjointGroupNamesUnknown(id);
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
        for (String valueSet : valueSets) {
            String siteFile = siteOrigin.get(key + Terminology.ORIGIN_SEPARATOR + valueSet);
            if (siteFile != null) {
                return KnowledgeRefusals.codeInDisjointValueSets(code, valueSets, valueSet, group, siteFile);
            }
        }
        return KnowledgeRefusals.codeInDisjointValueSets(code, valueSets, null, group, null);
    }
}
