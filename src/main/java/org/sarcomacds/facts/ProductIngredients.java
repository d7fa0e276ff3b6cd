package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The product → ingredient maps of {@code hooks/conceptmaps/}, for Medications that name a product but no ingredient,
 * and the dose forms the maps give for products (a target's {@code product} entry with the {@link #DOSE_FORM}
 * property, e.g. "Oral Tablet" or "Medicated Shampoo").
 */
@Component
class ProductIngredients {

    static final String DOSE_FORM = "https://sarcomacds.org/fhir/ConceptMap/rxnorm-products#dose-form";

    /** Targets that say the source does not map to them. */
    private static final Set<ConceptMapEquivalence> NO_MATCH =
            Set.of(ConceptMapEquivalence.UNMATCHED, ConceptMapEquivalence.DISJOINT);

    private final Map<String, List<Coding>> ingredients = new HashMap<>();
    private final Map<String, List<String>> doseForms = new HashMap<>();

    @Autowired
    ProductIngredients(FhirContext fhir) {
        this(fhir, KnowledgeFiles.jsonFiles("conceptmaps"));
    }

    ProductIngredients(FhirContext fhir, List<KnowledgeFile> files) {
        for (KnowledgeFile file : files) {
            ConceptMap map = fhir.newJsonParser().parseResource(ConceptMap.class, file.text());
            for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
                for (ConceptMap.SourceElementComponent element : group.getElement()) {
                    String product = key(group.getSource(), element.getCode());
                    for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                        if (NO_MATCH.contains(target.getEquivalence())) {
                            continue;
                        }
                        ingredients
                                .computeIfAbsent(product, k -> new ArrayList<>())
                                .add(new Coding(group.getTarget(), target.getCode(), target.getDisplay()));
                        addDoseForms(product, target);
                    }
                }
            }
        }
        doseForms.replaceAll((product, forms) -> List.copyOf(forms));
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

    /** The ingredients of the product codes in the concept, each with the product code it came from. */
    List<Mapped> of(CodeableConcept concept) {
        List<Mapped> mapped = new ArrayList<>();
        if (concept == null) {
            return mapped;
        }
        for (Coding coding : concept.getCoding()) {
            for (Coding ingredient : ingredients.getOrDefault(key(coding.getSystem(), coding.getCode()), List.of())) {
                mapped.add(new Mapped(coding.getCode(), new CodeableConcept(ingredient), doseForms(coding)));
            }
        }
        return mapped;
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

    /** A product's ingredient, with the product code it came from and the product's dose forms (maybe none). */
    record Mapped(String productCode, CodeableConcept ingredient, List<String> doseForms) {}
}
