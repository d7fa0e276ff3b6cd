package org.sarcomacds.record;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level elements of one FHIR resource type that a reader uses, in FHIR's names ({@code onset[x]} for a choice
 * element). Each reader declares its own next to its code (the record stage here in {@code RecordBuilder}, the fact
 * readers in {@code facts}); {@link PrefetchBinder} binds what they declare, and {@code LeanBindingTest} checks, on
 * every fixture, that the binder binds exactly the declared elements and that the readers need no other.
 */
public record ReadElements(String resourceType, Set<String> elements) {

    public ReadElements {
        elements = Set.copyOf(elements);
    }

    public static ReadElements of(String resourceType, String... elements) {
        return new ReadElements(resourceType, Set.of(elements));
    }

    /** The declarations of several readers, merged by resource type. */
    public static Map<String, Set<String>> byType(List<ReadElements> declarations) {
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        for (ReadElements declaration : declarations) {
            byType.computeIfAbsent(declaration.resourceType(), type -> new LinkedHashSet<>())
                    .addAll(declaration.elements());
        }
        return byType;
    }
}
