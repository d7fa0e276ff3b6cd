package org.sarcomacds.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drugs the try-it page can order: one per medication value set of {@code hooks/valuesets/} (a value set with
 * RxNorm or ATC codes), coded with its first RxNorm code or else its first ATC code, so a drafted order is matched
 * exactly as an EHR's coded order would be; plus the few drugs of {@code demo/extra-orderables.json} that no value
 * set covers yet. New value sets appear without code.
 */
@Component
@ConditionalOnBooleanProperty(name = "cds.demo.enabled", matchIfMissing = true)
class OrderCatalogue {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Orderable> orderables;

    OrderCatalogue() {
        this(KnowledgeFiles.jsonFiles("valuesets"), extras());
    }

    OrderCatalogue(List<KnowledgeFile> valueSets, JsonNode extras) {
        List<Orderable> found = new ArrayList<>();
        for (KnowledgeFile file : valueSets) {
            JsonNode valueSet = JSON.readTree(file.text());
            coding(valueSet, RXNORM).or(() -> coding(valueSet, ATC)).ifPresent(coding -> found.add(new Orderable(
                    valueSet.path("title").asString(valueSet.path("name").asString()),
                    coding.system(), coding.code(), coding.display(), valueSet.path("id").asString())));
        }
        for (JsonNode extra : extras.path("orderables")) {
            Orderable orderable = new Orderable(extra.path("name").asString(), extra.path("system").asString(),
                    extra.path("code").asString(), extra.path("display").asString(), null);
            if (found.stream().noneMatch(o -> o.sameDrug(orderable))) {
                found.add(orderable);
            }
        }
        found.sort(Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT)));
        this.orderables = List.copyOf(found);
    }

    List<Orderable> all() {
        return orderables;
    }

    private static Optional<Orderable> coding(JsonNode valueSet, String system) {
        for (JsonNode include : valueSet.path("compose").path("include")) {
            if (include.path("system").asString("").equals(system) && !include.path("concept").isEmpty()) {
                JsonNode concept = include.path("concept").get(0);
                return Optional.of(new Orderable(null, system, concept.path("code").asString(),
                        concept.path("display").asString(""), null));
            }
        }
        return Optional.empty();
    }

    private static JsonNode extras() {
        try {
            return JSON.readTree(new ClassPathResource("demo/extra-orderables.json").getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo/extra-orderables.json", e);
        }
    }

    /**
     * One drug the page offers.
     *
     * @param name      what the page shows, e.g. "Gemcitabine"
     * @param valueSet  the id of the value set it comes from, or null for an extra
     */
    record Orderable(String name, String system, String code, String display, String valueSet) {

        boolean sameDrug(Orderable other) {
            return (system.equals(other.system) && code.equals(other.code))
                    || name.toLowerCase(Locale.ROOT).equals(other.name.toLowerCase(Locale.ROOT));
        }
    }
}
