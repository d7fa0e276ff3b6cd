package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sarcomacds.knowledge.KnowledgeFiles;

/** The page's orderable drugs come from the medication value sets: one per drug, RxNorm first, then ATC. */
class OrderCatalogueTest {

    private final OrderCatalogue catalogue = new OrderCatalogue(KnowledgeFiles.jsonFiles("valuesets"));

    @Test
    void oneOrderablePerMedicationValueSetCodedRxNormFirstThenAtc() {
        List<String> names =
                catalogue.all().stream().map(OrderCatalogue.Orderable::name).toList();
        assertThat(names)
                .contains("Doxorubicin", "Gemcitabine", "Pazopanib", "Trabectedin", "Regorafenib")
                .doesNotContain(
                        "Leiomyosarcoma histology", "Metastatic or secondary malignant disease", "Total bilirubin");
        OrderCatalogue.Orderable gemcitabine = find("Gemcitabine");
        assertThat(gemcitabine.system()).isEqualTo(OrderCatalogue.RXNORM);
        assertThat(gemcitabine.code()).isEqualTo("12574");
        OrderCatalogue.Orderable trabectedin = find("Trabectedin");
        assertThat(trabectedin.system()).isEqualTo(OrderCatalogue.RXNORM);
        assertThat(trabectedin.code()).as("codes-addendum.md A1").isEqualTo("1716278");
    }

    @Test
    void aValueSetWithoutRxNormIsOfferedByAtc() {
        OrderCatalogue atcOnly = new OrderCatalogue(List.of(new KnowledgeFiles.KnowledgeFile("x.json", """
                {"resourceType": "ValueSet", "id": "x", "title": "Drug X", "compose": {"include": [
                  {"system": "http://www.whocc.no/atc", "concept": [{"code": "L01XX99", "display": "x"}]}]}}
                """)));

        assertThat(atcOnly.all()).singleElement().satisfies(o -> {
            assertThat(o.name()).isEqualTo("Drug X");
            assertThat(o.system()).isEqualTo(OrderCatalogue.ATC);
            assertThat(o.code()).isEqualTo("L01XX99");
        });
    }

    @Test
    void aClassValueSetOffersEachOfItsDrugsButNoLegacyCode() {
        OrderCatalogue.Orderable clarithromycin = find("Clarithromycin");
        assertThat(clarithromycin.code()).isEqualTo("21212");
        assertThat(clarithromycin.valueSet()).isEqualTo("strong-cyp3a-inhibitors");
        assertThat(find("Olaparib").code()).as("RxNorm first, also in a class").isEqualTo("1597582");
        assertThat(catalogue.all()).noneMatch(o -> o.display().toLowerCase().contains("legacy"));
        assertThat(catalogue.all().stream()
                        .map(o -> o.system() + "|" + o.code())
                        .distinct()
                        .count())
                .isEqualTo(catalogue.all().size());
    }

    private OrderCatalogue.Orderable find(String name) {
        return catalogue.all().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
