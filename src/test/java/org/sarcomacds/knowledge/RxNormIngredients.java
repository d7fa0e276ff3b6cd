package org.sarcomacds.knowledge;

import java.util.List;

/**
 * The RxNorm ingredients (IN) whose products {@code hooks/conceptmaps/rxnorm-products.json} maps: every drug the
 * rules use or will use (issue 12). Codes as cited in {@code shared/clinical/codes.md} section 2a and
 * {@code codes-addendum.md} A1, and for the PARP inhibitors as RXI pairs them with their names. The value set is the
 * file of {@code hooks/valuesets/} that holds the code, or null where no value set exists yet.
 */
final class RxNormIngredients {

    static final List<Ingredient> ALL = List.of(
            new Ingredient("3639", "doxorubicin", "doxorubicin"),
            new Ingredient("3995", "epirubicin", null),
            new Ingredient("5650", "idarubicin", null),
            new Ingredient("3109", "daunorubicin", null),
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
            new Ingredient("1306284", "cobicistat", null),
            new Ingredient("4450", "fluconazole", null),
            new Ingredient("358255", "aprepitant", null),
            new Ingredient("1731071", "fosaprepitant", null),
            new Ingredient("9384", "rifampin", "strong-cyp3a-inducers"),
            new Ingredient("2002", "carbamazepine", "strong-cyp3a-inducers"),
            new Ingredient("8183", "phenytoin", "strong-cyp3a-inducers"),
            new Ingredient("72236", "fosphenytoin", "strong-cyp3a-inducers"),
            new Ingredient("8134", "phenobarbital", null),
            new Ingredient("1307298", "enzalutamide", null),
            new Ingredient(null, "apalutamide", null));

    private RxNormIngredients() {}

    /**
     * One ingredient.
     *
     * @param code     the RxNorm IN code, or null where no source cites one (the generator then takes RXI's)
     * @param name     RxNorm's name of the ingredient
     * @param valueSet the id of the value set that holds the code, or null
     */
    record Ingredient(String code, String name, String valueSet) {

        Ingredient withCode(String found) {
            return new Ingredient(found, name, valueSet);
        }
    }
}
