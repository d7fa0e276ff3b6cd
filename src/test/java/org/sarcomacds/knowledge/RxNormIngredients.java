package org.sarcomacds.knowledge;

import java.util.List;

/**
 * The RxNorm ingredients (IN) whose products {@code hooks/conceptmaps/rxnorm-products.json} maps: every drug the
 * rules use or will use (issue 12). Codes as cited in {@code shared/clinical/codes.md} section 2a and
 * {@code codes-addendum.md} A1, and for the PARP inhibitors as RXI pairs them with their names. The value sets are the
 * files of {@code hooks/valuesets/} that hold the code (doxorubicin's is also in the anthracycline class); none where
 * no value set holds it (aprepitant: its RxNorm code is WEAK, so its value set matches it by ATC and name).
 */
final class RxNormIngredients {

    static final List<Ingredient> ALL = List.of(
            new Ingredient("3639", "doxorubicin", List.of("doxorubicin", "anthracyclines")),
            new Ingredient("3995", "epirubicin", "anthracyclines"),
            new Ingredient("5650", "idarubicin", "anthracyclines"),
            new Ingredient("3109", "daunorubicin", "anthracyclines"),
            new Ingredient("5657", "ifosfamide", "ifosfamide"),
            new Ingredient("12574", "gemcitabine", "gemcitabine"),
            new Ingredient("72962", "docetaxel", "docetaxel"),
            new Ingredient("714438", "pazopanib", "pazopanib"),
            new Ingredient("1716278", "trabectedin", "trabectedin"),
            new Ingredient("1312397", "regorafenib", "regorafenib"),
            new Ingredient("3098", "dacarbazine", "dacarbazine"),
            new Ingredient("1045453", "eribulin", "eribulin"),
            new Ingredient("3264", "dexamethasone", "dexamethasone"),
            new Ingredient("2105628", "larotrectinib", "larotrectinib"),
            new Ingredient("2197862", "entrectinib", "entrectinib"),
            new Ingredient("1547545", "pembrolizumab", "checkpoint-inhibitors"),
            new Ingredient("1597876", "nivolumab", "checkpoint-inhibitors"),
            new Ingredient("1094833", "ipilimumab", "checkpoint-inhibitors"),
            new Ingredient("1597582", "olaparib", "parp-inhibitors"),
            new Ingredient("1918231", "niraparib", "parp-inhibitors"),
            new Ingredient("1862579", "rucaparib", "parp-inhibitors"),
            new Ingredient("2099704", "talazoparib", "parp-inhibitors"),
            new Ingredient("6135", "ketoconazole", "strong-cyp3a-inhibitors"),
            new Ingredient("28031", "itraconazole", "strong-cyp3a-inhibitors"),
            new Ingredient("282446", "posaconazole", "strong-cyp3a-inhibitors"),
            new Ingredient("121243", "voriconazole", "strong-cyp3a-inhibitors"),
            new Ingredient("21212", "clarithromycin", "strong-cyp3a-inhibitors"),
            new Ingredient("85762", "ritonavir", "strong-cyp3a-inhibitors"),
            new Ingredient("1306284", "cobicistat", "strong-cyp3a-inhibitors"),
            new Ingredient("4450", "fluconazole", "moderate-cyp3a-inhibitors"),
            new Ingredient("358255", "aprepitant", List.of()),
            new Ingredient("1731071", "fosaprepitant", "moderate-cyp3a-inhibitors"),
            new Ingredient("9384", "rifampin", "strong-cyp3a-inducers"),
            new Ingredient("2002", "carbamazepine", "strong-cyp3a-inducers"),
            new Ingredient("8183", "phenytoin", "strong-cyp3a-inducers"),
            new Ingredient("72236", "fosphenytoin", "strong-cyp3a-inducers"),
            new Ingredient("8134", "phenobarbital", "strong-cyp3a-inducers"),
            new Ingredient("1307298", "enzalutamide", "strong-cyp3a-inducers"),
            new Ingredient(null, "apalutamide", List.of()));

    private RxNormIngredients() {}

    /**
     * One ingredient.
     *
     * @param code      the RxNorm IN code, or null where no source cites one (the generator then takes RXI's)
     * @param name      RxNorm's name of the ingredient
     * @param valueSets the ids of the value sets that hold the code; empty when none does
     */
    record Ingredient(String code, String name, List<String> valueSets) {

        Ingredient {
            valueSets = List.copyOf(valueSets);
        }

        /** An ingredient in one value set, or (null) in none. */
        Ingredient(String code, String name, String valueSet) {
            this(code, name, valueSet == null ? List.of() : List.of(valueSet));
        }

        Ingredient withCode(String found) {
            return new Ingredient(found, name, valueSets);
        }
    }
}
