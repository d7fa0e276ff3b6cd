package org.sarcomacds.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code hooks/conceptmaps/rxnorm-products.json}: RxNorm product codes (SCD, SBD, BN, packs, SCDC, PIN, MIN)
 * to the RxNorm ingredients (IN) of {@link RxNormIngredients}, each SCD, SBD, pack and BN with its RxNorm dose
 * form(s). The input is RXI: the per-letter JSON of GitHub davidanderson3/rxnorm-ingredients ({@code web/data/}),
 * built from the RxNorm Current Prescribable Content release (see {@code shared/clinical/codes-addendum.md}).
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.sarcomacds.knowledge.RxNormProductMapGenerator \
 *     -Dexec.args="&lt;RXI web/data folder&gt; &lt;RXI commit&gt; [output file]"
 * </pre>
 *
 * A letter file that is missing or empty is reported and its ingredients are listed as not found; anything else
 * unexpected (an ingredient with another code or name, a product whose dose form cannot be read, an SBD whose dose
 * form differs from its SCD's) stops the generator.
 */
public final class RxNormProductMapGenerator {

    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String MAP_URL = "https://sarcomacds.org/fhir/ConceptMap/rxnorm-products";
    static final String TERM_TYPE = MAP_URL + "#term-type";
    static final String DOSE_FORM = MAP_URL + "#dose-form";
    static final String RXI_REPOSITORY = "davidanderson3/rxnorm-ingredients";
    static final String RELEASE = "RxNorm 10/06/2025 Current Prescribable Content";

    /** The order rows are listed in within one ingredient. */
    static final List<String> TERM_TYPES = List.of("PIN", "MIN", "SCDC", "SCD", "SBD", "GPCK", "BPCK", "BN");

    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern UNIT = Pattern.compile("[A-Z%]+(/[A-Z%]+)*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<RxNormIngredients.Ingredient> ingredients;
    private final Map<String, JsonNode> concepts = new TreeMap<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> missingFiles = new ArrayList<>();
    private final List<RxNormIngredients.Ingredient> notFound = new ArrayList<>();
    private final Map<String, RxNormIngredients.Ingredient> found = new LinkedHashMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: RxNormProductMapGenerator <RXI web/data folder> <RXI commit> [output file]");
            System.exit(2);
        }
        Path output = Path.of(args.length > 2 ? args[2] : "hooks/conceptmaps/rxnorm-products.json");
        RxNormProductMapGenerator generator = new RxNormProductMapGenerator(RxNormIngredients.ALL);
        generator.read(Path.of(args[0]));
        generator.collect();
        Files.writeString(output, generator.conceptMap(args[1]), StandardCharsets.UTF_8);
        generator.report(output);
    }

    RxNormProductMapGenerator(List<RxNormIngredients.Ingredient> ingredients) {
        this.ingredients = List.copyOf(ingredients);
    }

    /** Every concept of every letter file, by RXCUI. */
    void read(Path folder) throws IOException {
        for (String letter : letters()) {
            Path file = folder.resolve(letter + ".json");
            if (!Files.exists(file) || Files.size(file) == 0) {
                missingFiles.add(letter + ".json");
                continue;
            }
            for (JsonNode concept : JSON.readTree(file.toFile())) {
                concepts.put(concept.get("RXCUI").asString(), concept);
            }
        }
    }

    void collect() {
        for (RxNormIngredients.Ingredient ingredient : ingredients) {
            JsonNode concept = find(ingredient);
            if (concept == null) {
                notFound.add(ingredient);
                continue;
            }
            RxNormIngredients.Ingredient confirmed =
                    ingredient.withCode(concept.get("RXCUI").asString());
            found.put(confirmed.code(), confirmed);
            walk(concept, confirmed.code());
        }
        for (JsonNode concept : concepts.values()) {
            String type = concept.get("TTY").asString();
            if (type.equals("PIN") || type.equals("MIN")) {
                for (String ingredient : ingredientsSharingComponents(concept)) {
                    row(concept, ingredient);
                }
            }
        }
    }

    /** The ingredient's concept in RXI: by code, checked against the name, or by name where no code is cited. */
    private JsonNode find(RxNormIngredients.Ingredient ingredient) {
        String letter = letterOf(ingredient.name());
        if (missingFiles.contains(letter + ".json")) {
            return null;
        }
        JsonNode concept = ingredient.code() == null
                ? concepts.values().stream()
                        .filter(c -> c.get("Name").asString().equals(ingredient.name()))
                        .findFirst()
                        .orElse(null)
                : concepts.get(ingredient.code());
        if (concept == null
                || !concept.get("TTY").asString().equals("IN")
                || !concept.get("Name").asString().equals(ingredient.name())) {
            String seen = concept == null
                    ? "nothing"
                    : concept.get("TTY").asString() + " " + concept.get("RXCUI").asString() + " "
                            + concept.get("Name").asString();
            throw new IllegalStateException("RXI does not list " + ingredient + " as an IN; it has " + seen);
        }
        return concept;
    }

    /** SCDC → SCD → (SBD → BN, GPCK, BPCK) under one ingredient. */
    private void walk(JsonNode ingredient, String code) {
        for (JsonNode component : ingredient.path("SCDCs")) {
            row(component, code);
            for (JsonNode clinical : component.path("SCDs")) {
                String form = doseForm(clinical.get("Name").asString());
                row(clinical, code).forms.add(form);
                for (JsonNode pack : packs(clinical)) {
                    row(pack, code).forms.add(form);
                }
                for (JsonNode branded : clinical.path("SBDs")) {
                    String brandedForm =
                            doseForm(withoutBrand(branded.get("Name").asString()));
                    if (!brandedForm.equals(form)) {
                        throw new IllegalStateException("SBD " + branded + " has another dose form than " + clinical);
                    }
                    row(branded, code).forms.add(form);
                    for (JsonNode brand : branded.path("BNs")) {
                        row(brand, code).forms.add(form);
                    }
                }
            }
        }
    }

    private static List<JsonNode> packs(JsonNode clinical) {
        List<JsonNode> packs = new ArrayList<>();
        clinical.path("GPCKs").forEach(packs::add);
        clinical.path("BPCKs").forEach(packs::add);
        return packs;
    }

    /** Our ingredients whose components (SCDC) a PIN or MIN shares: a component names exactly one ingredient. */
    private Set<String> ingredientsSharingComponents(JsonNode concept) {
        Set<String> components = new TreeSet<>();
        concept.path("SCDCs").forEach(c -> components.add(c.get("RXCUI").asString()));
        Set<String> ingredients = new TreeSet<>();
        for (String code : found.keySet()) {
            for (JsonNode component : concepts.get(code).path("SCDCs")) {
                if (components.contains(component.get("RXCUI").asString())) {
                    ingredients.add(code);
                }
            }
        }
        ingredients.remove(concept.get("RXCUI").asString());
        return ingredients;
    }

    private Row row(JsonNode concept, String ingredient) {
        String code = concept.get("RXCUI").asString();
        Row row = rows.computeIfAbsent(
                code,
                c -> new Row(
                        c, concept.get("Name").asString(), concept.get("TTY").asString()));
        if (!row.display.equals(concept.get("Name").asString())
                || !row.type.equals(concept.get("TTY").asString())) {
            throw new IllegalStateException("RXCUI " + code + " appears with two names or term types");
        }
        row.ingredients.add(ingredient);
        return row;
    }

    /**
     * The RxNorm dose form at the end of an SCD name: the words after the last strength ("20 MG/ML Medicated
     * Shampoo" gives "Medicated Shampoo").
     */
    static String doseForm(String clinicalDrugName) {
        String[] words = clinicalDrugName.split(" ");
        int strengthUnit = -1;
        for (int i = 1; i < words.length; i++) {
            if (UNIT.matcher(words[i]).matches() && NUMBER.matcher(words[i - 1]).matches()) {
                strengthUnit = i;
            }
        }
        if (strengthUnit < 0 || strengthUnit == words.length - 1) {
            throw new IllegalStateException("No dose form in \"" + clinicalDrugName + "\"");
        }
        return String.join(" ", List.of(words).subList(strengthUnit + 1, words.length));
    }

    /** An SBD name without its trailing " [Brand]". */
    static String withoutBrand(String brandedDrugName) {
        int bracket = brandedDrugName.lastIndexOf(" [");
        if (bracket < 0 || !brandedDrugName.endsWith("]")) {
            throw new IllegalStateException("No brand in \"" + brandedDrugName + "\"");
        }
        return brandedDrugName.substring(0, bracket);
    }

    String conceptMap(String commit) {
        StringBuilder json = new StringBuilder("{\n");
        field(json, "resourceType", "ConceptMap");
        field(json, "id", "rxnorm-products");
        field(json, "url", MAP_URL);
        field(json, "name", "RxNormProducts");
        field(json, "title", "RxNorm products and brands to the RxNorm ingredients of the value sets");
        field(json, "status", "active");
        field(json, "description", description(commit));
        json.append("  \"group\": [\n    {\n");
        json.append("      \"source\": ").append(quote(RXNORM)).append(",\n");
        json.append("      \"target\": ").append(quote(RXNORM)).append(",\n");
        json.append("      \"element\": [\n");
        List<Row> sorted = rows.values().stream()
                .sorted(Comparator.comparing(
                                (Row r) -> found.get(r.ingredients.first()).name())
                        .thenComparing(r -> TERM_TYPES.indexOf(r.type))
                        .thenComparing(r -> r.display.toLowerCase(Locale.ROOT))
                        .thenComparing(r -> r.code))
                .toList();
        for (int i = 0; i < sorted.size(); i++) {
            json.append("        ").append(element(sorted.get(i)));
            json.append(i < sorted.size() - 1 ? ",\n" : "\n");
        }
        json.append("      ]\n    }\n  ]\n}\n");
        return json.toString();
    }

    private String element(Row row) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("code", row.code);
        element.put("display", row.display);
        List<Object> targets = new ArrayList<>();
        for (String ingredient : row.ingredients) {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("code", ingredient);
            target.put("display", found.get(ingredient).name());
            target.put("equivalence", "wider");
            List<Object> product = new ArrayList<>();
            product.add(property(TERM_TYPE, row.type));
            row.forms.forEach(form -> product.add(property(DOSE_FORM, form)));
            target.put("product", product);
            targets.add(target);
        }
        element.put("target", targets);
        return JSON.writeValueAsString(element);
    }

    private static Map<String, String> property(String property, String value) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("property", property);
        entry.put("value", value);
        return entry;
    }

    private String description(String commit) {
        String awaiting = found.values().stream()
                .filter(i -> i.valueSets().isEmpty())
                .map(i -> i.name() + " " + i.code())
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
        String absent = notFound.stream()
                .map(i -> i.name() + (i.code() == null ? "" : " " + i.code()))
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
        return "RxNorm product codes (SCD, SBD, BN, packs GPCK/BPCK, components SCDC, precise ingredients PIN and "
                + "multiple-ingredient concepts MIN) mapped to the RxNorm ingredients (IN) of hooks/valuesets, so a "
                + "Medication coded only at product or brand level matches its ingredient. Generated, do not edit: "
                + "src/test/java/org/sarcomacds/knowledge/RxNormProductMapGenerator.java (hooks/README.md) from RXI = "
                + "GitHub " + RXI_REPOSITORY + " @" + commit + ", web/data/<Letter>.json, which its "
                + "extract_rxnorm_ingredients.py built from the " + RELEASE + " release (SAB=RXNORM, SUPPRESS=N; "
                + "shared/clinical/codes-addendum.md, Sources). Each ingredient's SCDC, SCD, SBD, BN, GPCK and BPCK "
                + "as RXI lists them, and every PIN or MIN that shares an SCDC with it; displays are RxNorm's names. A "
                + "product maps to every ingredient of ours it contains, one target each, so a combination product "
                + "has several; equivalence is wider because an ingredient stands for every product containing it. "
                + "Each target's product entries give the source's RxNorm term type (" + TERM_TYPE + ") and, for SCD, "
                + "SBD, packs and BN, the RxNorm dose form(s) read from the SCD names (" + DOSE_FORM + "; a pack "
                + "gives the form of the SCD of ours it contains, a BN the forms of its SBDs). Notes: RxNorm models "
                + "levoketoconazole (Recorlev) as a precise ingredient of ketoconazole, so its products map to "
                + "ketoconazole; the PARP inhibitor ingredient codes (olaparib, niraparib, rucaparib, talazoparib; "
                + "UNVERIFIED in codes.md) are paired with their names in this release, which makes them citable. "
                + "Ingredients mapped here that no value set holds yet (for the rules of issue 12): " + awaiting
                + ". Not in this copy of RXI: " + absent
                + (missingFiles.isEmpty() ? "" : " (missing or empty: " + String.join(", ", missingFiles) + ")")
                + "; St John's wort has no prescribable RxNorm products and is matched by name.";
    }

    private void report(Path output) {
        System.out.println("Wrote " + rows.size() + " rows to " + output);
        for (RxNormIngredients.Ingredient ingredient : found.values()) {
            Map<String, Integer> byType = new TreeMap<>(Comparator.comparing(TERM_TYPES::indexOf));
            rows.values().stream()
                    .filter(r -> r.ingredients.contains(ingredient.code()))
                    .forEach(r -> byType.merge(r.type, 1, Integer::sum));
            System.out.println(ingredient.name() + " " + ingredient.code() + ": "
                    + byType.values().stream().mapToInt(Integer::intValue).sum() + " " + byType);
        }
        notFound.forEach(i -> System.out.println("not found: " + i.name()));
        missingFiles.forEach(f -> System.out.println("missing or empty: " + f));
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append("  ").append(quote(name)).append(": ").append(quote(value)).append(",\n");
    }

    private static String quote(String value) {
        return JSON.writeValueAsString(value);
    }

    private static String letterOf(String name) {
        char first = Character.toUpperCase(name.charAt(0));
        return Character.isDigit(first) ? "0-9" : String.valueOf(first);
    }

    private static List<String> letters() {
        List<String> letters = new ArrayList<>(List.of("0-9"));
        for (char c = 'A'; c <= 'Z'; c++) {
            letters.add(String.valueOf(c));
        }
        return letters;
    }

    /** One source concept: its ingredients of ours and dose forms, each kept in a stable order. */
    private static final class Row {
        final String code;
        final String display;
        final String type;
        final TreeSet<String> ingredients = new TreeSet<>();
        final Set<String> forms = new TreeSet<>();

        Row(String code, String display, String type) {
            this.code = code;
            this.display = display;
            this.type = type;
        }
    }
}
