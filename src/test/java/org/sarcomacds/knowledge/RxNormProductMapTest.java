package org.sarcomacds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped RxNorm product map against the value sets and the rows codes-addendum.md verified. */
class RxNormProductMapTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEXT_MATCH = "https://sarcomacds.org/fhir/StructureDefinition/text-match";

    private static final JsonNode MAP = JSON.readTree(
            KnowledgeFiles.jsonFile("conceptmaps/rxnorm-products.json").text());
    private static final List<JsonNode> ELEMENTS = elements();
    private static final Map<String, Set<String>> VALUE_SET_CODES = new HashMap<>();
    private static final Map<String, List<String>> VALUE_SET_TERMS = new HashMap<>();

    static {
        for (KnowledgeFiles.KnowledgeFile file : KnowledgeFiles.jsonFiles("valuesets")) {
            JsonNode valueSet = JSON.readTree(file.text());
            String id = valueSet.get("id").asString();
            Set<String> codes = new HashSet<>();
            for (JsonNode include : valueSet.path("compose").path("include")) {
                if (include.get("system").asString().equals(RxNormProductMapGenerator.RXNORM)) {
                    include.path("concept").forEach(c -> codes.add(c.get("code").asString()));
                }
            }
            VALUE_SET_CODES.put(id, codes);
            List<String> terms = new ArrayList<>();
            for (JsonNode extension : valueSet.path("extension")) {
                if (extension.get("url").asString().equals(TEXT_MATCH)) {
                    terms.add(extension.get("valueString").asString());
                }
            }
            VALUE_SET_TERMS.put(id, terms);
        }
    }

    @Test
    void everyTargetIsAnIngredientInItsValueSetOrNamedAsAwaitingOne() {
        Map<String, RxNormIngredients.Ingredient> known = RxNormIngredients.ALL.stream()
                .filter(i -> i.code() != null)
                .collect(Collectors.toMap(RxNormIngredients.Ingredient::code, i -> i));
        for (JsonNode element : ELEMENTS) {
            for (JsonNode target : element.get("target")) {
                RxNormIngredients.Ingredient ingredient = known.get(code(target));
                assertThat(ingredient).as("target of %s", code(element)).isNotNull();
                assertThat(target.get("display").asString()).isEqualTo(ingredient.name());
                assertThat(target.get("equivalence").asString()).isEqualTo("wider");
                if (!ingredient.valueSets().isEmpty()) {
                    ingredient
                            .valueSets()
                            .forEach(valueSet -> assertThat(VALUE_SET_CODES.get(valueSet))
                                    .as("value set %s", valueSet)
                                    .contains(ingredient.code()));
                } else {
                    assertThat(valueSetsHolding(ingredient.code())).isEmpty();
                    assertThat(MAP.get("description").asString()).contains(ingredient.name() + " " + ingredient.code());
                }
            }
        }
    }

    @Test
    void everyIngredientOfAValueSetIsInThatValueSet() {
        for (RxNormIngredients.Ingredient ingredient : RxNormIngredients.ALL) {
            if (!ingredient.valueSets().isEmpty()) {
                assertThat(valueSetsHolding(ingredient.code()))
                        .containsExactlyInAnyOrderElementsOf(ingredient.valueSets());
            }
        }
    }

    @Test
    void theAddendumsProductAndBrandCodesMapAsTheAddendumSays() {
        Map<String, String> expected = new LinkedHashMap<>();
        // codes-addendum.md A2: clinical and branded drugs
        expected.put("1718589", "1716278 trabectedin 1 MG Injection");
        expected.put("1718594", "1716278 trabectedin 1 MG Injection [Yondelis]");
        expected.put("1312402", "1312397 regorafenib 40 MG Oral Tablet");
        expected.put("1312408", "1312397 regorafenib 40 MG Oral Tablet [Stivarga]");
        expected.put("867502", "714438 pazopanib 200 MG Oral Tablet");
        expected.put("867506", "714438 pazopanib 200 MG Oral Tablet [Votrient]");
        expected.put("1045456", "1045453 2 ML eribulin mesylate 0.5 MG/ML Injection");
        expected.put("1045460", "1045453 2 ML eribulin mesylate 0.5 MG/ML Injection [Halaven]");
        expected.put("1731340", "3098 dacarbazine 100 MG Injection");
        expected.put("1731338", "3098 dacarbazine 200 MG Injection");
        expected.put("1790131", "3639 10 ML doxorubicin hydrochloride liposome 2 MG/ML Injection [Doxil]");
        expected.put("1790128", "3639 25 ML doxorubicin hydrochloride liposome 2 MG/ML Injection [Doxil]");
        expected.put("2675326", "3639 10 ML doxorubicin hydrochloride liposome 2 MG/ML Injection [Caelyx]");
        // A1: liposomal doxorubicin and daunorubicin under their ingredients
        expected.put("466523", "3639 doxorubicin hydrochloride liposome");
        expected.put("1790115", "3639 10 ML doxorubicin hydrochloride liposome 2 MG/ML Injection");
        expected.put("214468", "3109 daunorubicin liposomal");
        expected.put("1045452", "1045453 eribulin mesylate");
        // A3: brand names
        expected.put("42512", "3639 Adriamycin");
        expected.put("80773", "3639 Doxil");
        expected.put("2675321", "3639 Caelyx");
        expected.put("1718590", "1716278 Yondelis");
        expected.put("1312403", "1312397 Stivarga");
        expected.put("867503", "714438 Votrient");
        expected.put("1045457", "1045453 Halaven");
        expected.put("203766", "3995 Ellence");
        expected.put("224952", "5650 Idamycin");
        expected.put("1942744", "3109 Vyxeos");
        expected.put("2058859", "12574 Infugem");
        expected.put("1307304", "1307298 Xtandi");
        // A1 note: cobicistat is mostly dispensed in MIN combinations
        expected.put("1598380", "1306284 cobicistat / darunavir");

        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode element : ELEMENTS) {
            if (expected.containsKey(code(element))) {
                actual.put(
                        code(element),
                        targetCodes(element) + " " + element.get("display").asString());
            }
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void everySourceCodeIsListedOnce() {
        List<String> codes = ELEMENTS.stream().map(RxNormProductMapTest::code).toList();
        assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
        assertThat(codes).hasSizeGreaterThan(500);
    }

    @Test
    void onlyCombinationProductsMapToSeveralIngredients() {
        for (JsonNode element : ELEMENTS) {
            if (element.get("target").size() > 1) {
                String type = termType(element);
                String display = element.get("display").asString();
                boolean combination = type.equals("BN") ? brandOfACombination(element) : display.contains(" / ");
                assertThat(combination)
                        .as("%s %s maps to several ingredients", type, display)
                        .isTrue();
            }
        }
    }

    @Test
    void clinicalAndBrandedDrugsCarryTheDoseFormTheirNameEndsWith() {
        Set<String> types = new HashSet<>();
        for (JsonNode element : ELEMENTS) {
            String type = termType(element);
            types.add(type);
            List<String> forms = doseForms(element);
            String display = element.get("display").asString();
            switch (type) {
                case "SCD" ->
                    assertThat(forms)
                            .singleElement()
                            .satisfies(f -> assertThat(display).endsWith(" " + f));
                case "SBD" ->
                    assertThat(forms)
                            .singleElement()
                            .satisfies(f -> assertThat(display).containsPattern(" " + f + " \\[[^\\]]+\\]$"));
                case "BN", "GPCK", "BPCK" -> assertThat(forms).as(display).isNotEmpty();
                default -> assertThat(forms).as(display).isEmpty();
            }
            for (JsonNode target : element.get("target")) {
                assertThat(target.get("product"))
                        .isEqualTo(element.get("target").get(0).get("product"));
            }
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(RxNormProductMapGenerator.TERM_TYPES);
    }

    @Test
    void topicalKetoconazoleKeepsItsDoseFormForTheRuleToLeaveOut() {
        Map<String, List<String>> ketoconazoleForms = new LinkedHashMap<>();
        for (JsonNode element : ELEMENTS) {
            if (targetCodes(element).equals("6135") && termType(element).equals("SCD")) {
                ketoconazoleForms.put(element.get("display").asString(), doseForms(element));
            }
        }
        assertThat(ketoconazoleForms)
                .containsEntry("ketoconazole 20 MG/ML Medicated Shampoo", List.of("Medicated Shampoo"))
                .containsEntry("ketoconazole 200 MG Oral Tablet", List.of("Oral Tablet"));
    }

    @Test
    void descriptionCitesTheReleaseTheRepositoryCommitAndTheGenerator() {
        assertThat(MAP.get("description").asString())
                .contains("RxNorm 10/06/2025 Current Prescribable Content")
                .contains("davidanderson3/rxnorm-ingredients @a8fcf13a679fa37073e8fa83e11d5e0d8cc07276")
                .contains("src/test/java/org/sarcomacds/knowledge/RxNormProductMapGenerator.java");
        assertThat(MAP.get("group").get(0).get("source").asString()).isEqualTo(RxNormProductMapGenerator.RXNORM);
    }

    @Test
    void brandNamesMatchedAsTextBelongToTheirValueSetsDrug() {
        Map<String, Set<String>> brands = brandTargets();
        int checked = 0;
        for (Map.Entry<String, List<String>> valueSet : VALUE_SET_TERMS.entrySet()) {
            for (String term : valueSet.getValue()) {
                Set<String> targets = brands.get(term.toLowerCase(Locale.ROOT));
                if (targets != null) {
                    assertThat(VALUE_SET_CODES.get(valueSet.getKey()))
                            .as("brand %s in %s", term, valueSet.getKey())
                            .containsAll(targets);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void theIssuesBrandNamesAreNameTerms() {
        assertThat(lower(VALUE_SET_TERMS.get("doxorubicin"))).contains("adriamycin", "doxil", "caelyx");
        assertThat(lower(VALUE_SET_TERMS.get("gemcitabine"))).contains("gemzar", "infugem");
        assertThat(lower(VALUE_SET_TERMS.get("docetaxel"))).contains("taxotere");
        assertThat(lower(VALUE_SET_TERMS.get("trabectedin"))).contains("yondelis");
        assertThat(lower(VALUE_SET_TERMS.get("regorafenib"))).contains("stivarga");
        assertThat(lower(VALUE_SET_TERMS.get("pazopanib"))).contains("votrient");
        assertThat(lower(VALUE_SET_TERMS.get("eribulin"))).contains("halaven");
        assertThat(lower(VALUE_SET_TERMS.get("ifosfamide"))).contains("ifex");
        assertThat(lower(VALUE_SET_TERMS.get("strong-cyp3a-inhibitors")))
                .doesNotContain("nizoral", "extina", "ketodan", "kuric", "xolegel");
    }

    /** Brand (lower case) → the ingredients its BN, or the packs sold under it, map to. */
    private static Map<String, Set<String>> brandTargets() {
        Map<String, Set<String>> brands = new HashMap<>();
        for (JsonNode element : ELEMENTS) {
            String type = termType(element);
            String display = element.get("display").asString();
            String brand = type.equals("BN")
                    ? display
                    : type.equals("BPCK")
                            ? display.substring(display.lastIndexOf('[') + 1).split(" ")[0]
                            : null;
            if (brand != null) {
                Set<String> targets = brands.computeIfAbsent(brand.toLowerCase(Locale.ROOT), b -> new HashSet<>());
                element.get("target").forEach(t -> targets.add(code(t)));
            }
        }
        return brands;
    }

    /** A brand that maps to several ingredients is a combination when one of its SBDs maps to them all. */
    private static boolean brandOfACombination(JsonNode brand) {
        String suffix = "[" + brand.get("display").asString() + "]";
        for (JsonNode element : ELEMENTS) {
            if (termType(element).equals("SBD")
                    && element.get("display").asString().endsWith(suffix)
                    && element.get("display").asString().contains(" / ")
                    && targetCodes(element).equals(targetCodes(brand))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> valueSetsHolding(String code) {
        return VALUE_SET_CODES.entrySet().stream()
                .filter(e -> e.getValue().contains(code))
                .map(Map.Entry::getKey)
                .toList();
    }

    private static String termType(JsonNode element) {
        return products(element, RxNormProductMapGenerator.TERM_TYPE).getFirst();
    }

    private static List<String> doseForms(JsonNode element) {
        return products(element, RxNormProductMapGenerator.DOSE_FORM);
    }

    private static List<String> products(JsonNode element, String property) {
        List<String> values = new ArrayList<>();
        for (JsonNode product : element.get("target").get(0).path("product")) {
            if (product.get("property").asString().equals(property)) {
                values.add(product.get("value").asString());
            }
        }
        return values;
    }

    private static String targetCodes(JsonNode element) {
        List<String> codes = new ArrayList<>();
        element.get("target").forEach(t -> codes.add(code(t)));
        return String.join(",", codes);
    }

    private static String code(JsonNode node) {
        return node.get("code").asString();
    }

    private static List<String> lower(List<String> terms) {
        return terms.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<JsonNode> elements() {
        List<JsonNode> elements = new ArrayList<>();
        MAP.get("group").get(0).get("element").forEach(elements::add);
        return elements;
    }
}
