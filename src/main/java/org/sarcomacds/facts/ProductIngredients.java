package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.sarcomacds.knowledge.DisjointValueSets;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.knowledge.SiteKnowledge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The product → ingredient maps of {@code hooks/conceptmaps/} and of the site folder
 * ({@code cds.knowledge.site-dir/conceptmaps/}), for Medications that name a product but no ingredient. Every target
 * must be a code of a value set we match on, and no product may map into two value sets that must stay disjoint.
 */
@Component
class ProductIngredients {

    private final Map<String, List<Ingredient>> ingredients = new HashMap<>();

    @Autowired
    ProductIngredients(FhirContext fhir, Terminology terminology, SiteKnowledge site) {
        this(fhir, terminology, KnowledgeFiles.jsonFiles("conceptmaps"), site.conceptMaps(), DisjointValueSets.load());
    }

    /** The built-in maps only. */
    ProductIngredients(FhirContext fhir) {
        this(fhir, new Terminology(fhir), KnowledgeFiles.jsonFiles("conceptmaps"), List.of(), DisjointValueSets.load());
    }

    ProductIngredients(
            FhirContext fhir,
            Terminology terminology,
            List<KnowledgeFile> builtIn,
            List<KnowledgeFile> site,
            DisjointValueSets disjoint) {
        for (KnowledgeFile file : builtIn) {
            add(fhir.newJsonParser().parseResource(ConceptMap.class, file.text()), file, terminology);
        }
        for (KnowledgeFile file : site) {
            add(SiteValueSets.strictly(fhir, file, ConceptMap.class, "ConceptMap"), file, terminology);
        }
        checkDisjoint(terminology, disjoint);
    }

    private void add(ConceptMap map, KnowledgeFile file, Terminology terminology) {
        for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
            if (!group.hasSource() || !group.hasTarget()) {
                throw SiteValueSets.refused(file, "has a group without source or target system");
            }
            for (ConceptMap.SourceElementComponent element : group.getElement()) {
                if (!element.hasCode()) {
                    throw SiteValueSets.refused(file, "has an element without a code in " + group.getSource());
                }
                for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                    check(file, group, element, target, terminology);
                    ingredients
                            .computeIfAbsent(group.getSource() + "|" + element.getCode(), k -> new ArrayList<>())
                            .add(new Ingredient(
                                    new Coding(group.getTarget(), target.getCode(), target.getDisplay()),
                                    file.fromSite() ? file.name() : null));
                }
            }
        }
    }

    private static void check(
            KnowledgeFile file,
            ConceptMap.ConceptMapGroupComponent group,
            ConceptMap.SourceElementComponent element,
            ConceptMap.TargetElementComponent target,
            Terminology terminology) {
        String product = "product " + element.getCode();
        if (target.getEquivalence() == ConceptMapEquivalence.DISJOINT
                || target.getEquivalence() == ConceptMapEquivalence.UNMATCHED) {
            throw SiteValueSets.refused(
                    file,
                    "maps " + product + " with equivalence "
                            + target.getEquivalence().toCode() + ", which says it is not that ingredient");
        }
        if (terminology.valueSetsOf(group.getTarget(), target.getCode()).isEmpty()) {
            throw SiteValueSets.refused(
                    file,
                    "maps " + product + " to " + group.getTarget() + " " + target.getCode()
                            + ", which is in no value set of hooks/valuesets");
        }
    }

    /** A product that maps into two value sets of one disjoint group would be two drugs at once. */
    private void checkDisjoint(Terminology terminology, DisjointValueSets disjoint) {
        for (Map.Entry<String, List<Ingredient>> product : ingredients.entrySet()) {
            Set<String> valueSets = new LinkedHashSet<>();
            String siteFile = null;
            for (Ingredient ingredient : product.getValue()) {
                Coding coding = ingredient.coding();
                valueSets.addAll(terminology.valueSetsOf(coding.getSystem(), coding.getCode()));
                siteFile = siteFile != null ? siteFile : ingredient.siteFile();
            }
            for (DisjointValueSets.Group group : disjoint.groups()) {
                List<String> shared = new ArrayList<>(valueSets);
                shared.retainAll(group.valueSets());
                if (shared.size() > 1) {
                    String where = siteFile != null
                            ? "Site file " + siteFile + " of cds.knowledge.site-dir maps"
                            : "hooks/conceptmaps maps";
                    throw new InvalidKnowledgeException(where + " product "
                            + product.getKey().replace("|", " ")
                            + " to both " + shared.get(0) + " and " + shared.get(1) + ", which must stay disjoint ("
                            + DisjointValueSets.FILE + ": " + group.why() + ").");
                }
            }
        }
    }

    /** The ingredients of the product codes in the concept, each with the product code it came from. */
    List<Mapped> of(CodeableConcept concept) {
        List<Mapped> mapped = new ArrayList<>();
        if (concept == null) {
            return mapped;
        }
        for (Coding coding : concept.getCoding()) {
            for (Ingredient ingredient :
                    ingredients.getOrDefault(coding.getSystem() + "|" + coding.getCode(), List.of())) {
                mapped.add(
                        new Mapped(coding.getCode(), new CodeableConcept(ingredient.coding()), ingredient.siteFile()));
            }
        }
        return mapped;
    }

    /** @param siteFile the site file that maps it, or null for {@code hooks/conceptmaps/} */
    private record Ingredient(Coding coding, String siteFile) {}

    /** @param siteFile the site file that mapped the product, or null for a built-in map */
    record Mapped(String productCode, CodeableConcept ingredient, String siteFile) {

        /** How a card names the mapping, e.g. "product code 96512 mapped by site file conceptmaps/x.json". */
        String how() {
            return "product code " + productCode + (siteFile == null ? " mapped" : " mapped by site file " + siteFile);
        }
    }
}
