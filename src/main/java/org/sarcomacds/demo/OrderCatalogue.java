package org.sarcomacds.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drugs the try-it page can order, from the medication value sets of {@code hooks/valuesets/} (those with RxNorm
 * or ATC codes), coded with RxNorm where the value set has it, else ATC, so a drafted order is matched exactly as an
 * EHR's coded order would be. A value set of one drug gives one entry named by its title; a class (e.g. strong CYP3A
 * inhibitors) gives one entry per drug. Legacy ATC codes are not offered. New value sets appear without code.
 */
@Component
class OrderCatalogue {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String ATC = "http://www.whocc.no/atc";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Orderable> orderables;

    OrderCatalogue() {
        this(KnowledgeFiles.jsonFiles("valuesets"));
    }

    OrderCatalogue(List<KnowledgeFile> valueSets) {
        List<Orderable> found = new ArrayList<>();
        for (KnowledgeFile file : valueSets) {
            JsonNode valueSet = JSON.readTree(file.text());
            List<Orderable> drugs = drugs(valueSet, RXNORM);
            if (drugs.isEmpty()) {
                drugs = drugs(valueSet, ATC);
            }
            String title = valueSet.path("title").asString(valueSet.path("name").asString());
            if (drugs.size() == 1) {
                Orderable only = drugs.get(0);
                drugs = List.of(new Orderable(title, only.system(), only.code(), only.display(), only.valueSet()));
            }
            drugs.stream().filter(d -> found.stream().noneMatch(d::sameDrug)).forEach(found::add);
        }
        found.sort(Comparator.comparing(o -> o.name().toLowerCase(Locale.ROOT)));
        this.orderables = List.copyOf(found);
    }

    List<Orderable> all() {
        return orderables;
    }

    private static List<Orderable> drugs(JsonNode valueSet, String system) {
        List<Orderable> drugs = new ArrayList<>();
        for (JsonNode include : valueSet.path("compose").path("include")) {
            if (!include.path("system").asString("").equals(system)) {
                continue;
            }
            for (JsonNode concept : include.path("concept")) {
                String display = concept.path("display").asString("");
                if (!display.toLowerCase(Locale.ROOT).contains("legacy")) {
                    drugs.add(new Orderable(
                            capitalised(display),
                            system,
                            concept.path("code").asString(),
                            display,
                            valueSet.path("id").asString()));
                }
            }
        }
        return drugs;
    }

    private static String capitalised(String display) {
        String lower = display.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /**
     * One drug the page offers.
     *
     * @param name      what the page shows, e.g. "Gemcitabine"
     * @param valueSet  the id of the value set it comes from
     */
    record Orderable(String name, String system, String code, String display, String valueSet) {

        boolean sameDrug(Orderable other) {
            return (system.equals(other.system) && code.equals(other.code))
                    || name.toLowerCase(Locale.ROOT).equals(other.name.toLowerCase(Locale.ROOT));
        }
    }
}
