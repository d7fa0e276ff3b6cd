package org.sarcomacds.record;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ValueSet;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The prefetch every CDS service asks for, built once at start-up: the Patient, Conditions and medication history
 * from {@code hooks/prefetch.json}, then one key per observation value set ({@code hooks/valuesets/obs-*.json}), each
 * of which names its key and carries the codes its query asks for. Adding an observation value set is all it takes to
 * prefetch it. A value set or key that does not fit stops start-up with one sentence.
 */
@Component
public class PrefetchDefinition {

    static final String KEY = "https://sarcomacds.org/fhir/StructureDefinition/prefetch-key";
    static final String RESULTS = "https://sarcomacds.org/fhir/StructureDefinition/prefetch-results";
    private static final String OBSERVATION_PREFIX = "obs-";

    private final Map<String, String> templates = new LinkedHashMap<>();
    private final List<String> required;
    private final Map<String, String> keyByValueSet = new LinkedHashMap<>();

    @Autowired
    PrefetchDefinition(FhirContext fhir) {
        this(fhir, KnowledgeFiles.jsonFile("prefetch.json"), KnowledgeFiles.jsonFiles("valuesets"));
    }

    public PrefetchDefinition(FhirContext fhir, KnowledgeFile prefetch, List<KnowledgeFile> valueSets) {
        PrefetchFile file = prefetch.as(PrefetchFile.class);
        templates.putAll(file.templates());
        required = List.copyOf(file.required());
        for (KnowledgeFile valueSetFile : valueSets) {
            ValueSet valueSet = fhir.newJsonParser().parseResource(ValueSet.class, valueSetFile.text());
            String id = valueSet.getIdElement().getIdPart();
            Optional<String> key = text(valueSet, KEY);
            if (id.startsWith(OBSERVATION_PREFIX) != key.isPresent()) {
                throw new IllegalStateException(valueSetFile.name()
                        + ": an observation value set (obs-*), and only one, names its prefetch key (extension " + KEY
                        + ")");
            }
            if (key.isPresent()) {
                add(valueSetFile.name(), id, key.get(), query(file, valueSetFile.name(), valueSet));
            }
        }
        for (String key : required) {
            if (!templates.containsKey(key)) {
                throw new IllegalStateException(
                        "hooks/prefetch.json: required prefetch key " + key + " has no template");
            }
        }
    }

    private void add(String file, String valueSet, String key, String query) {
        if (templates.putIfAbsent(key, query) != null) {
            throw new IllegalStateException(file + ": prefetch key " + key + " is already taken");
        }
        keyByValueSet.put(valueSet, key);
    }

    /** The value set's query: its codes (system|code, in the order of the file) in the query its results ask for. */
    private static String query(PrefetchFile file, String name, ValueSet valueSet) {
        String results = text(valueSet, RESULTS).orElse("latest");
        String query = file.observationQueries().get(results);
        if (query == null) {
            throw new IllegalStateException(name + ": prefetch-results '" + results + "' is none of "
                    + file.observationQueries().keySet());
        }
        List<String> codes = new ArrayList<>();
        for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            include.getConcept().forEach(c -> codes.add(include.getSystem() + "|" + c.getCode()));
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(name + ": an observation value set needs codes to prefetch");
        }
        return query.replace("{{codes}}", String.join(",", codes));
    }

    private static Optional<String> text(ValueSet valueSet, String url) {
        return valueSet.getExtensionsByUrl(url).stream()
                .map(Extension::getValue)
                .map(value -> value == null ? null : value.primitiveValue())
                .findFirst();
    }

    /** Prefetch key to FHIR query template, as discovery advertises it. */
    public Map<String, String> templates() {
        return Collections.unmodifiableMap(templates);
    }

    /** Keys without which the rules cannot decide: if neither prefetched nor fetchable, 412. */
    public List<String> required() {
        return required;
    }

    /** The prefetch key of an observation value set, e.g. {@code bilirubin} for {@code obs-bilirubin-total}. */
    public Optional<String> key(String observationValueSet) {
        return Optional.ofNullable(keyByValueSet.get(observationValueSet));
    }

    /** The observation value sets that have a key. */
    public Set<String> observationValueSets() {
        return Collections.unmodifiableSet(keyByValueSet.keySet());
    }

    /** The keys of the observation value sets, one per lab test or body measurement (and genomics). */
    public List<String> observationKeys() {
        return List.copyOf(keyByValueSet.values());
    }

    /**
     * {@code hooks/prefetch.json}.
     *
     * @param templates          key to template, for what is not an observation
     * @param required           keys the rules cannot decide without
     * @param observationQueries the query of an observation key by its results ({@code latest}, {@code all});
     *                           {@code {{codes}}} stands for the value set's codes
     */
    record PrefetchFile(
            String description,
            Map<String, String> templates,
            List<String> required,
            Map<String, String> observationQueries) {}
}
