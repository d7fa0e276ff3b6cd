package org.sarcomacds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generator on a small RXI-shaped folder: what it walks, what it maps, and what stops it. */
class RxNormProductMapGeneratorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PAZOPANIB = """
            [{"Name": "pazopanib", "RXCUI": "714438", "TTY": "IN", "SCDCs": [
              {"Name": "pazopanib 200 MG", "RXCUI": "867500", "TTY": "SCDC", "SCDs": [
                {"Name": "pazopanib 200 MG Oral Tablet", "RXCUI": "867502", "TTY": "SCD", "SBDs": [
                  {"Name": "pazopanib 200 MG Oral Tablet [Votrient]", "RXCUI": "867506", "TTY": "SBD",
                   "BNs": [{"Name": "Votrient", "RXCUI": "867503", "TTY": "BN"}]}]}]}]}]
            """;

    private static final String COBICISTAT = """
            [{"Name": "cobicistat", "RXCUI": "1306284", "TTY": "IN", "SCDCs": [
              {"Name": "cobicistat 150 MG", "RXCUI": "1306285", "TTY": "SCDC", "SCDs": [
                {"Name": "cobicistat 150 MG / darunavir 800 MG Oral Tablet", "RXCUI": "1600704", "TTY": "SCD"}]}]},
             {"Name": "cobicistat / darunavir", "RXCUI": "1598380", "TTY": "MIN", "SCDCs": [
              {"Name": "cobicistat 150 MG", "RXCUI": "1306285", "TTY": "SCDC", "SCDs": []},
              {"Name": "darunavir 800 MG", "RXCUI": "1359268", "TTY": "SCDC", "SCDs": []}]}]
            """;

    private static final String RITONAVIR = """
            [{"Name": "ritonavir", "RXCUI": "85762", "TTY": "IN", "SCDCs": [
              {"Name": "ritonavir 100 MG", "RXCUI": "317488", "TTY": "SCDC", "SCDs": [
                {"Name": "ritonavir 100 MG Oral Tablet", "RXCUI": "900575", "TTY": "SCD", "BPCKs": [
                  {"Name": "{20 (nirmatrelvir 150 MG Oral Tablet) / 10 (ritonavir 100 MG Oral Tablet) } Pack [Paxlovid 5-Day]",
                   "RXCUI": "2587899", "TTY": "BPCK"}]}]}]}]
            """;

    private static final List<RxNormIngredients.Ingredient> INGREDIENTS = List.of(
            new RxNormIngredients.Ingredient("714438", "pazopanib", "pazopanib"),
            new RxNormIngredients.Ingredient("1306284", "cobicistat", List.of()),
            new RxNormIngredients.Ingredient("85762", "ritonavir", "strong-cyp3a-inhibitors"),
            new RxNormIngredients.Ingredient("358255", "aprepitant", List.of()));

    @TempDir
    Path rxi;

    @Test
    void brandedDrugAndBrandMapToTheIngredientWithTheirDoseForm() throws IOException {
        JsonNode map = generate(PAZOPANIB, COBICISTAT, RITONAVIR);

        assertThat(element(map, "867506").toString())
                .contains("\"display\":\"pazopanib 200 MG Oral Tablet [Votrient]\"")
                .contains("{\"code\":\"714438\",\"display\":\"pazopanib\",\"equivalence\":\"wider\"")
                .contains("\"value\":\"SBD\"")
                .contains("#dose-form\",\"value\":\"Oral Tablet\"");
        assertThat(element(map, "867503").toString()).contains("\"value\":\"BN\"", "\"value\":\"Oral Tablet\"");
        assertThat(element(map, "867500").toString())
                .contains("\"value\":\"SCDC\"")
                .doesNotContain("dose-form");
    }

    @Test
    void combinationMapsOnlyToTheIngredientsWeKnowAndAPackTakesItsDrugsForm() throws IOException {
        JsonNode map = generate(PAZOPANIB, COBICISTAT, RITONAVIR);

        assertThat(targets(element(map, "1598380"))).containsExactly("1306284");
        assertThat(targets(element(map, "1600704"))).containsExactly("1306284");
        assertThat(element(map, "2587899").toString()).contains("\"value\":\"BPCK\"", "\"value\":\"Oral Tablet\"");
        assertThat(targets(element(map, "2587899"))).containsExactly("85762");
    }

    @Test
    void aMissingLetterFileIsNamedAndItsIngredientsListedAsNotFound() throws IOException {
        String description =
                generate(PAZOPANIB, COBICISTAT, RITONAVIR).get("description").asString();

        assertThat(description)
                .contains("Not in this copy of RXI: aprepitant 358255 (missing or empty: 0-9.json, A.json")
                .contains("no value set holds yet (for the rules of issue 12): cobicistat 1306284.")
                .contains("davidanderson3/rxnorm-ingredients @0123abc");
    }

    @Test
    void anIngredientUnderAnotherCodeStopsTheGenerator() throws IOException {
        RxNormProductMapGenerator generator = pazopanibOnly(PAZOPANIB.replace("\"714438\"", "\"714439\""));

        assertThatThrownBy(generator::collect)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pazopanib");
    }

    @Test
    void aBrandedDrugWhoseFormDiffersFromItsClinicalDrugStopsTheGenerator() throws IOException {
        RxNormProductMapGenerator generator =
                pazopanibOnly(PAZOPANIB.replace("Oral Tablet [Votrient]", "Oral Capsule [Votrient]"));

        assertThatThrownBy(generator::collect).hasMessageContaining("another dose form");
    }

    @Test
    void doseFormIsWhatFollowsTheLastStrength() {
        assertThat(RxNormProductMapGenerator.doseForm("ketoconazole 20 MG/ML Medicated Shampoo"))
                .isEqualTo("Medicated Shampoo");
        assertThat(RxNormProductMapGenerator.doseForm("12 HR carbamazepine 100 MG Extended Release Oral Capsule"))
                .isEqualTo("Extended Release Oral Capsule");
        assertThat(RxNormProductMapGenerator.doseForm("10 ML doxorubicin hydrochloride liposome 2 MG/ML Injection"))
                .isEqualTo("Injection");
        assertThat(RxNormProductMapGenerator.doseForm("lopinavir 80 MG/ML / ritonavir 20 MG/ML Oral Solution"))
                .isEqualTo("Oral Solution");
        assertThatThrownBy(() -> RxNormProductMapGenerator.doseForm("pazopanib 200 MG"))
                .hasMessageContaining("No dose form");
    }

    @Test
    void brandIsCutFromABrandedDrugName() {
        assertThat(RxNormProductMapGenerator.withoutBrand("pazopanib 200 MG Oral Tablet [Votrient]"))
                .isEqualTo("pazopanib 200 MG Oral Tablet");
        assertThatThrownBy(() -> RxNormProductMapGenerator.withoutBrand("pazopanib 200 MG Oral Tablet"))
                .hasMessageContaining("No brand");
    }

    private JsonNode generate(String pFile, String cFile, String rFile) throws IOException {
        write("P.json", pFile);
        write("C.json", cFile);
        write("R.json", rFile);
        RxNormProductMapGenerator generator = new RxNormProductMapGenerator(INGREDIENTS);
        generator.read(rxi);
        generator.collect();
        return JSON.readTree(generator.conceptMap("0123abc"));
    }

    private RxNormProductMapGenerator pazopanibOnly(String pFile) throws IOException {
        write("P.json", pFile);
        RxNormProductMapGenerator generator = new RxNormProductMapGenerator(INGREDIENTS.subList(0, 1));
        generator.read(rxi);
        return generator;
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(rxi.resolve(name), text);
    }

    private static JsonNode element(JsonNode map, String code) {
        for (JsonNode element : map.get("group").get(0).get("element")) {
            if (element.get("code").asString().equals(code)) {
                return element;
            }
        }
        throw new AssertionError("No element " + code);
    }

    private static List<String> targets(JsonNode element) {
        List<String> codes = new ArrayList<>();
        element.get("target").forEach(t -> codes.add(t.get("code").asString()));
        return codes;
    }
}
