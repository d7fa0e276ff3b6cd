package org.sarcomacds.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.sarcomacds.facts.Terminology.ConceptMatch;
import org.sarcomacds.record.MedicationReferences;
import org.sarcomacds.record.ReadElements;

/**
 * Finds which drugs a MedicationStatement or MedicationRequest names: its own code, else the Medication it
 * references (contained or from the record) by code, then by ingredient, then through the product → ingredient map,
 * and only then by name.
 */
final class MedicationMatcher {

    /** What it reads of a Medication, and the Medications contained in a medication use. */
    static final List<ReadElements> READS = List.of(
            ReadElements.of("Medication", "id", "code", "ingredient", "form"),
            ReadElements.of("MedicationStatement", "contained"),
            ReadElements.of("MedicationRequest", "contained"));

    private final Terminology terminology;
    private final ProductIngredients products;
    private final Map<String, Medication> medications;
    /** A chart names the same few drugs over and over: each distinct concept or Medication is matched once per call. */
    private final Map<String, Named> byConcept = new HashMap<>();

    private final Map<Medication, Named> byMedication = new IdentityHashMap<>();

    MedicationMatcher(Terminology terminology, ProductIngredients products, Map<String, Medication> medications) {
        this.terminology = terminology;
        this.products = products;
        this.medications = medications;
    }

    /** The drug matches and the name to show for the medication element {@code medication[x]}. */
    Named match(DomainResource owner, Type medication) {
        if (medication instanceof CodeableConcept concept) {
            return byConcept.computeIfAbsent(
                    signature(concept),
                    k -> new Named(
                            Displays.of(concept, "unnamed medication"),
                            matchConcept(concept, List.of()),
                            product(concept, null)));
        }
        if (medication instanceof Reference reference) {
            Medication resolved = resolve(owner, reference);
            if (resolved == null) {
                String display = reference.hasDisplay() ? reference.getDisplay() : "unresolved medication";
                return new Named(display, List.of(), Product.NONE);
            }
            return byMedication.computeIfAbsent(
                    resolved,
                    m -> new Named(
                            Displays.of(m.getCode(), "unnamed medication"),
                            matchConcept(m.getCode(), ingredientMatches(m)),
                            product(m.getCode(), m.hasForm() ? m.getForm() : null)));
        }
        return new Named("no medication given", List.of(), Product.NONE);
    }

    /** What the product's codes, form and names say about how it is given. */
    private Product product(CodeableConcept code, CodeableConcept form) {
        List<String> doseForms = new ArrayList<>();
        for (Coding coding : code.getCoding()) {
            products.doseForms(coding).stream()
                    .filter(f -> !doseForms.contains(f))
                    .forEach(doseForms::add);
        }
        List<String> names = new ArrayList<>();
        if (code.hasText()) {
            names.add(code.getText());
        }
        code.getCoding().stream()
                .filter(Coding::hasDisplay)
                .map(Coding::getDisplay)
                .forEach(names::add);
        return new Product(doseForms, form == null ? null : Displays.of(form, null), names);
    }

    /** Codes first, then the ingredients found so far, then mapped product codes; names only when nothing coded matched. */
    private List<ConceptMatch> matchConcept(CodeableConcept code, List<ConceptMatch> ingredients) {
        List<ConceptMatch> byCodeOrName = terminology.match(code);
        List<ConceptMatch> matches =
                new ArrayList<>(byCodeOrName.stream().filter(m -> !m.byName()).toList());
        ingredients.forEach(m -> addNew(matches, m));
        for (ProductIngredients.Mapped mapped : products.of(code)) {
            for (ConceptMatch m : terminology.match(mapped.ingredient())) {
                if (!m.byName()) {
                    addNew(matches, new ConceptMatch(m.valueSet(), mapped.how() + " to " + m.matchedOn(), false));
                }
            }
        }
        if (matches.isEmpty()) {
            matches.addAll(byCodeOrName);
        }
        return matches;
    }

    /** Everything matching reads from a concept: its text and each coding's system, code and display. */
    private static String signature(CodeableConcept concept) {
        StringBuilder signature = new StringBuilder(concept.getText() == null ? "" : concept.getText());
        for (Coding coding : concept.getCoding()) {
            signature
                    .append('\0')
                    .append(coding.getSystem())
                    .append('|')
                    .append(coding.getCode())
                    .append('|')
                    .append(coding.getDisplay());
        }
        return signature.toString();
    }

    private List<ConceptMatch> ingredientMatches(Medication medication) {
        List<ConceptMatch> matches = new ArrayList<>();
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            if (ingredient.getItem() instanceof CodeableConcept item) {
                terminology.match(item).stream()
                        .filter(m -> !m.byName())
                        .forEach(m ->
                                addNew(matches, new ConceptMatch(m.valueSet(), "ingredient " + m.matchedOn(), false)));
            }
        }
        return matches;
    }

    private static void addNew(List<ConceptMatch> matches, ConceptMatch match) {
        if (matches.stream().noneMatch(x -> x.valueSet().equals(match.valueSet()))) {
            matches.add(match);
        }
    }

    private Medication resolve(DomainResource owner, Reference reference) {
        String ref = reference.getReference();
        if (ref == null) {
            return null;
        }
        if (ref.startsWith("#")) {
            for (Resource contained : owner.getContained()) {
                if (contained instanceof Medication medication
                        && ref.substring(1).equals(localId(contained))) {
                    return medication;
                }
            }
            return null;
        }
        return MedicationReferences.relative(ref).map(medications::get).orElse(null);
    }

    private static String localId(Resource resource) {
        String id = resource.getIdElement().getIdPart();
        return id != null && id.startsWith("#") ? id.substring(1) : id;
    }

    /** The name a medication has in the record, the drugs it matched, and what its product says about its route. */
    record Named(String display, List<ConceptMatch> matches, Product product) {
        Named {
            matches = List.copyOf(matches);
        }
    }

    /**
     * What a product says about how it is given.
     *
     * @param doseForms the RxNorm dose forms of its product codes (e.g. "Medicated Shampoo")
     * @param form      the Medication's form, as text, or null
     * @param names     its names: the code's text and displays (e.g. "ketoconazole 2% shampoo")
     */
    record Product(List<String> doseForms, String form, List<String> names) {

        static final Product NONE = new Product(List.of(), null, List.of());

        Product {
            doseForms = List.copyOf(doseForms);
            names = List.copyOf(names);
        }
    }
}
