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
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.knowledge.KnowledgeRefusals;
import org.sarcomacds.knowledge.SiteKnowledge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The product → ingredient maps of {@code hooks/conceptmaps/} and of the site folder
 * ({@code cds.knowledge.site-dir/conceptmaps/}), for Medications that name a product but no ingredient, and the dose
 * forms the maps give for products (a target's {@code product} entry with the {@link #DOSE_FORM} property, e.g. "Oral
 * Tablet" or "Medicated Shampoo"). A site's targets must be codes of a value set we match on (the built-in RxNorm map
 * also covers ingredients whose value set a later rule adds); no product may map into two value sets that must stay
 * disjoint.
 */
@Component
class ProductIngredients {

    static final String DOSE_FORM = "https://sarcomacds.org/fhir/ConceptMap/rxnorm-products#dose-form";

    /** Targets that say the source does not map to them. */
    private static final Set<ConceptMapEquivalence> NO_MATCH =
            Set.of(ConceptMapEquivalence.UNMATCHED, ConceptMapEquivalence.DISJOINT);

    private final Map<String, List<Ingredient>> ingredients = new HashMap<>();
    private final Map<String, List<String>> doseForms = new HashMap<>();

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
        doseForms.replaceAll((product, forms) -> List.copyOf(forms));
    }

    private void add(ConceptMap map, KnowledgeFile file, Terminology terminology) {
        for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
            if (!group.hasSource() || !group.hasTarget()) {
                throw KnowledgeRefusals.groupWithoutSystems(file);
            }
            for (ConceptMap.SourceElementComponent element : group.getElement()) {
                if (!element.hasCode()) {
                    throw KnowledgeRefusals.elementWithoutCode(file, group.getSource());
                }
                for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                    if (!file.fromSite() && NO_MATCH.contains(target.getEquivalence())) {
                        continue; // a built-in map may say a product is not an ingredient; a site map may not
                    }
                    check(file, group, element, target, terminology);
                    String product = key(group.getSource(), element.getCode());
                    ingredients
                            .computeIfAbsent(product, k -> new ArrayList<>())
                            .add(new Ingredient(
                                    new Coding(group.getTarget(), target.getCode(), target.getDisplay()),
                                    file.fromSite() ? file.name() : null));
                    addDoseForms(product, target);
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
        if (NO_MATCH.contains(target.getEquivalence())) {
            throw KnowledgeRefusals.mapsToNonIngredient(
                    file, element.getCode(), target.getEquivalence().toCode());
        }
        if (file.fromSite()
                && terminology.valueSetsOf(group.getTarget(), target.getCode()).isEmpty()) {
            throw KnowledgeRefusals.mapsOutsideValueSets(file, element.getCode(), group.getTarget(), target.getCode());
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
                    throw KnowledgeRefusals.productInDisjointValueSets(
                            product.getKey().replace("|", " "), shared, group, siteFile);
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
                    ingredients.getOrDefault(key(coding.getSystem(), coding.getCode()), List.of())) {
                mapped.add(new Mapped(
                        coding.getCode(),
                        new CodeableConcept(ingredient.coding()),
                        doseForms(coding),
                        ingredient.siteFile()));
            }
        }
        return mapped;
    }

    private void addDoseForms(String product, ConceptMap.TargetElementComponent target) {
        for (ConceptMap.OtherElementComponent other : target.getProduct()) {
            if (DOSE_FORM.equals(other.getProperty())) {
                List<String> forms = doseForms.computeIfAbsent(product, k -> new ArrayList<>());
                if (!forms.contains(other.getValue())) {
                    forms.add(other.getValue());
                }
            }
        }
    }

    /**
     * The dose forms the maps give for a product code: one for a clinical or branded drug, each of its products' for
     * a brand or pack; empty when the code is not mapped or the map names no form (an ingredient or component).
     */
    List<String> doseForms(Coding coding) {
        return doseForms.getOrDefault(key(coding.getSystem(), coding.getCode()), List.of());
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }

    /** @param siteFile the site file that maps it, or null for {@code hooks/conceptmaps/} */
    private record Ingredient(Coding coding, String siteFile) {}

    /**
     * A product's ingredient, with the product code it came from and the product's dose forms (maybe none).
     *
     * @param siteFile the site file that mapped the product, or null for a built-in map
     */
    record Mapped(String productCode, CodeableConcept ingredient, List<String> doseForms, String siteFile) {

        /** How a card names the mapping, e.g. "product code 96512 mapped by site file conceptmaps/x.json". */
        String how() {
            return "product code " + productCode + (siteFile == null ? " mapped" : " mapped by site file " + siteFile);
        }
    }
}
