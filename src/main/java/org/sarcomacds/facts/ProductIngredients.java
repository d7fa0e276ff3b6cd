package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The product → ingredient maps of {@code hooks/conceptmaps/}, for Medications that name a product but no ingredient. */
@Component
class ProductIngredients {

    private final Map<String, List<Coding>> ingredients = new HashMap<>();

    @Autowired
    ProductIngredients(FhirContext fhir) {
        this(fhir, KnowledgeFiles.jsonFiles("conceptmaps"));
    }

    ProductIngredients(FhirContext fhir, List<KnowledgeFile> files) {
        for (KnowledgeFile file : files) {
            ConceptMap map = fhir.newJsonParser().parseResource(ConceptMap.class, file.text());
            for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
                for (ConceptMap.SourceElementComponent element : group.getElement()) {
                    for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                        ingredients
                                .computeIfAbsent(group.getSource() + "|" + element.getCode(), k -> new ArrayList<>())
                                .add(new Coding(group.getTarget(), target.getCode(), target.getDisplay()));
                    }
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
            for (Coding ingredient : ingredients.getOrDefault(coding.getSystem() + "|" + coding.getCode(), List.of())) {
                mapped.add(new Mapped(coding.getCode(), new CodeableConcept(ingredient)));
            }
        }
        return mapped;
    }

    record Mapped(String productCode, CodeableConcept ingredient) {}
}
