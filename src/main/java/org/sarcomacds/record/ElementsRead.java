package org.sarcomacds.record;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The top-level elements of each resource type that the facts read. Prefetch is bound to HAPI's model with only these
 * (and their {@code _element} primitive extensions): narrative, meta, identifiers, performers, encounters and the like
 * are never read, and binding them was most of the cost of a call. A type not listed here is bound whole.
 * {@code LeanBindingTest} checks that every fixture gives the same facts bound whole and bound lean.
 */
final class ElementsRead {

    private static final Set<String> MEDICATION_USE = Set.of("status", "statusReason", "subject", "contained",
            "medicationCodeableConcept", "medicationReference");

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Patient", Set.of("id"),
            "Condition", Set.of("id", "subject", "clinicalStatus", "verificationStatus", "code", "onsetDateTime",
                    "extension"),
            "Observation", Set.of("id", "subject", "status", "code", "valueQuantity", "valueCodeableConcept",
                    "referenceRange", "effectiveDateTime", "effectivePeriod", "issued", "component"),
            "MedicationStatement", union(MEDICATION_USE, Set.of("id", "effectiveDateTime", "effectivePeriod", "dosage")),
            "MedicationRequest", union(MEDICATION_USE, Set.of("id", "authoredOn", "dosageInstruction")),
            "Medication", Set.of("id", "code", "ingredient"));

    private ElementsRead() {}

    /** The elements kept for a resource type, or null when resources of this type are bound whole. */
    static Set<String> of(String resourceType) {
        return resourceType == null ? null : BY_TYPE.get(resourceType);
    }

    static boolean keeps(Set<String> elements, String key) {
        return key.equals("resourceType") || elements.contains(key.startsWith("_") ? key.substring(1) : key);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
