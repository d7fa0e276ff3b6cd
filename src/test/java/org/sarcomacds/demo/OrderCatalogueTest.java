package org.sarcomacds.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's orderable drugs come from the medication value sets, plus extras no value set covers yet. */
class OrderCatalogueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode EXTRAS = JSON.readTree("""
            {"orderables": [{"name": "Regorafenib", "system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                             "code": "1312397", "display": "regorafenib"}]}""");

    @Test
    void oneOrderablePerMedicationValueSetCodedRxNormFirstThenAtc() {
        OrderCatalogue catalogue = new OrderCatalogue(KnowledgeFiles.jsonFiles("valuesets"), EXTRAS);

        List<String> names = catalogue.all().stream().map(OrderCatalogue.Orderable::name).toList();
        assertThat(names).contains("Doxorubicin", "Gemcitabine", "Pazopanib", "Trabectedin", "Regorafenib")
                .doesNotContain("Leiomyosarcoma histology", "Metastatic or secondary malignant disease");
        OrderCatalogue.Orderable gemcitabine = find(catalogue, "Gemcitabine");
        assertThat(gemcitabine.system()).isEqualTo(OrderCatalogue.RXNORM);
        assertThat(gemcitabine.code()).isEqualTo("12574");
        OrderCatalogue.Orderable trabectedin = find(catalogue, "Trabectedin");
        assertThat(trabectedin.system()).as("no verified RxNorm code: ATC").isEqualTo(OrderCatalogue.ATC);
        assertThat(trabectedin.code()).isEqualTo("L01CX01");
    }

    @Test
    void anExtraGivesWayToAValueSetForTheSameDrug() {
        List<KnowledgeFile> valueSets = new ArrayList<>(KnowledgeFiles.jsonFiles("valuesets"));
        valueSets.add(new KnowledgeFile("regorafenib.json", """
                {"resourceType": "ValueSet", "id": "regorafenib", "title": "Regorafenib (value set)",
                 "compose": {"include": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                          "concept": [{"code": "1312397", "display": "regorafenib"}]}]}}"""));

        OrderCatalogue catalogue = new OrderCatalogue(valueSets, EXTRAS);

        List<OrderCatalogue.Orderable> regorafenib = catalogue.all().stream().filter(o -> o.code().equals("1312397")).toList();
        assertThat(regorafenib).hasSize(1);
        assertThat(regorafenib.get(0).valueSet()).isEqualTo("regorafenib");
    }

    private static OrderCatalogue.Orderable find(OrderCatalogue catalogue, String name) {
        return catalogue.all().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
