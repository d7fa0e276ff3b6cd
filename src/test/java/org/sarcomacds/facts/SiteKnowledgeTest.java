package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sarcomacds.facts.Terminology.ConceptMatch;
import org.sarcomacds.knowledge.ClinicalParameters;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.SiteKnowledge;

/**
 * A site folder ({@code cds.knowledge.site-dir}) adds codes, product maps and parameter overrides to the real
 * knowledge of {@code hooks/}; every file it may not hold, or that would change what a card means, is refused with
 * one sentence naming the file and the problem.
 */
class SiteKnowledgeTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String FORMULARY = "urn:oid:2.16.840.1.113883.3.9999.1";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    @TempDir
    Path site;

    @Test
    void aSiteCodeJoinsItsValueSetAndTheMatchNamesTheSiteFile() throws IOException {
        write("valuesets/local-pazopanib.json", valueSet("pazopanib", FORMULARY, "PAZ200"));

        Terminology terminology = new Terminology(FHIR, SiteKnowledge.load(site.toString()));

        List<ConceptMatch> matches = terminology.match(concept(FORMULARY, "PAZ200"));
        assertThat(matches).extracting(ConceptMatch::valueSet).containsExactly("pazopanib");
        assertThat(matches.get(0).matchedOn())
                .isEqualTo(FORMULARY + " PAZ200 from site file valuesets/local-pazopanib.json");
        assertThat(terminology.match(concept(RXNORM, "714438")).get(0).matchedOn())
                .as("a built-in code is still attributed to hooks/")
                .isEqualTo("RxNorm 714438");
    }

    @Test
    void withoutASiteFolderTheLocalCodeMatchesNothing() {
        assertThat(new Terminology(FHIR).match(concept(FORMULARY, "PAZ200"))).isEmpty();
    }

    @Test
    void anUnknownValueSetIdIsRefused() throws IOException {
        write("valuesets/typo.json", valueSet("pazopanibb", FORMULARY, "PAZ200"));

        assertThatThrownBy(() -> new Terminology(FHIR, SiteKnowledge.load(site.toString())))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessageStartingWith("Site file " + site.resolve("valuesets/typo.json"))
                .hasMessageContaining("names value set 'pazopanibb', which hooks/valuesets does not have");
    }

    @Test
    void aMalformedResourceIsRefused() throws IOException {
        write("valuesets/bad.json", valueSet("pazopanib", FORMULARY, "PAZ200").replace("\"concept\"", "\"concepts\""));

        assertThatThrownBy(() -> new Terminology(FHIR, SiteKnowledge.load(site.toString())))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessageStartingWith("Site file " + site.resolve("valuesets/bad.json"))
                .hasMessageContaining("is not a valid FHIR R4 ValueSet");
    }

    @Test
    void aCodeMovingIntoASecondDisjointValueSetIsRefused() throws IOException {
        // RxNorm 12574 is gemcitabine; claiming it for pazopanib would fire the LMS03 warning on gemcitabine alone
        write("valuesets/local-pazopanib.json", valueSet("pazopanib", RXNORM, "12574"));

        assertThatThrownBy(() -> new Terminology(FHIR, SiteKnowledge.load(site.toString())))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessageContaining("valuesets/local-pazopanib.json")
                .hasMessageContaining("both gemcitabine and pazopanib, which must stay disjoint");
    }

    @Test
    void aSiteCannotRemoveABuiltInCode() throws IOException {
        write(
                "valuesets/remove.json",
                valueSet("pazopanib", FORMULARY, "PAZ200")
                        .replace(
                                "\"include\"",
                                "\"exclude\": [{\"system\": \"" + RXNORM
                                        + "\", \"concept\": [{\"code\": \"714438\"}]}], \"include\""));

        assertThatThrownBy(() -> new Terminology(FHIR, SiteKnowledge.load(site.toString())))
                .hasMessageContaining("a site file can add codes, never remove built-in ones");
    }

    @Test
    void aSiteCannotAddWordsThatReadTheTextBesideACode() throws IOException {
        write(
                "valuesets/words.json",
                valueSet("metastatic-disease", FORMULARY, "MET1")
                        .replace(
                                "\"compose\"",
                                "\"extension\": [{\"url\": \"" + Terminology.TEXT_NAME_BESIDE_CODE
                                        + "\", \"valueString\": \"nodule\"}], \"compose\""));

        assertThatThrownBy(() -> new Terminology(FHIR, SiteKnowledge.load(site.toString())))
                .hasMessageContaining("valuesets/words.json")
                .hasMessageContaining("names are read from hooks/ only");
    }

    @Test
    void aSiteProductMapFindsTheIngredientAndIsNamed() throws IOException {
        write("conceptmaps/formulary.json", conceptMap(FORMULARY, "GEM1G", "12574"));
        SiteKnowledge knowledge = SiteKnowledge.load(site.toString());
        Terminology terminology = new Terminology(FHIR, knowledge);

        List<ProductIngredients.Mapped> mapped =
                new ProductIngredients(FHIR, terminology, knowledge).of(concept(FORMULARY, "GEM1G"));

        assertThat(mapped).hasSize(1);
        assertThat(mapped.get(0).how()).isEqualTo("product code GEM1G mapped by site file conceptmaps/formulary.json");
        assertThat(terminology.match(mapped.get(0).ingredient()))
                .extracting(ConceptMatch::valueSet)
                .containsExactly("gemcitabine");
    }

    @Test
    void aProductMappedToTwoDisjointDrugsIsRefused() throws IOException {
        write(
                "conceptmaps/formulary.json",
                conceptMap(FORMULARY, "MIX", "12574")
                        .replace(
                                "\"equivalence\": \"wider\" }",
                                "\"equivalence\": \"wider\" }, { \"code\": \"714438\", \"equivalence\": \"wider\" }"));
        SiteKnowledge knowledge = SiteKnowledge.load(site.toString());
        Terminology terminology = new Terminology(FHIR, knowledge);

        assertThatThrownBy(() -> new ProductIngredients(FHIR, terminology, knowledge))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessageContaining("conceptmaps/formulary.json")
                .hasMessageContaining("to both gemcitabine and pazopanib, which must stay disjoint");
    }

    @Test
    void aProductMappedToACodeNoValueSetHasIsRefused() throws IOException {
        write("conceptmaps/formulary.json", conceptMap(FORMULARY, "X1", "999999"));
        SiteKnowledge knowledge = SiteKnowledge.load(site.toString());

        assertThatThrownBy(() -> new ProductIngredients(FHIR, new Terminology(FHIR, knowledge), knowledge))
                .hasMessageContaining("which is in no value set of hooks/valuesets");
    }

    @Test
    void aParameterWithinItsRangeIsApplied() throws IOException {
        write("parameters.json", "{\"labs\": {\"recentDays\": 14}, \"description\": \"ward policy\"}");

        ClinicalParameters parameters = ClinicalParameters.load(SiteKnowledge.load(site.toString()));

        assertThat(parameters.labs().recentDays()).isEqualTo(14);
        assertThat(parameters.body().weightValidDays())
                .as("everything else stays built in")
                .isEqualTo(ClinicalParameters.load().body().weightValidDays());
    }

    @Test
    void aSiteMayNarrowThePlausibleHeightAndShortenTheWindows() throws IOException {
        write("parameters.json", """
                {"body": {"heightCm": {"min": 120}, "weightValidDays": 14},
                 "preDose": {"resultValidDays": 3}, "ecog": {"validDays": 30}}""");

        ClinicalParameters parameters = ClinicalParameters.load(SiteKnowledge.load(site.toString()));

        assertThat(parameters.body().heightCm().min()).isEqualTo(120);
        assertThat(parameters.body().heightCm().max()).isEqualTo(230);
        assertThat(parameters.body().weightValidDays()).isEqualTo(14);
        assertThat(parameters.preDose().resultValidDays()).isEqualTo(3);
        assertThat(parameters.ecog().validDays()).isEqualTo(30);
    }

    @Test
    void aSiteMayNotLoosenTheIssue12WindowsAndBounds() throws IOException {
        write("parameters.json", "{\"body\": {\"weightValidDays\": 60}}");
        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("sets body.weightValidDays to 60, outside its allowed range 7 to 30");

        write("parameters.json", "{\"body\": {\"weightKg\": {\"max\": 400}}}");
        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("sets body.weightKg.max to 400, outside its allowed range 150 to 300");

        write("parameters.json", "{\"preDose\": {\"lvefValidDays\": 120}}");
        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("sets preDose.lvefValidDays to 120, outside its allowed range 30 to 90");

        write("parameters.json", "{\"regorafenib\": {\"bilirubinNotRecommendedAboveUln\": 5}}");
        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("regorafenib.bilirubinNotRecommendedAboveUln, which a site may not override");
    }

    @Test
    void aParameterOutOfRangeIsRefused() throws IOException {
        write("parameters.json", "{\"labs\": {\"recentDays\": 90}}");

        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessageStartingWith("Site file " + site.resolve("parameters.json"))
                .hasMessageContaining("sets labs.recentDays to 90, outside its allowed range 1 to 30");
    }

    @Test
    void aParameterWithoutADeclaredRangeCannotBeOverridden() throws IOException {
        write("parameters.json", "{\"trabectedin\": {\"bilirubinDoNotGiveAboveUln\": 5}}");

        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("trabectedin.bilirubinDoNotGiveAboveUln, which a site may not override");
    }

    @Test
    void anUnknownParameterAndAFractionForAWholeNumberAreRefused() throws IOException {
        write("parameters.json", "{\"labs\": {\"recentDay\": 14}}");
        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("sets labs.recentDay, which hooks/parameters.json does not have");

        write("parameters.json", "{\"labs\": {\"recentDays\": 14.5}}");
        assertThatThrownBy(() -> ClinicalParameters.load(SiteKnowledge.load(site.toString())))
                .hasMessageContaining("sets labs.recentDays to 14.5, which is not a whole number");
    }

    @Test
    void aSiteFolderCannotAddARuleOrCardText() throws IOException {
        write("cards/MY-RULE.json", "{}");

        assertThatThrownBy(() -> SiteKnowledge.load(site.toString()))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessageContaining("cards/MY-RULE.json is not one a site folder may hold");
    }

    @Test
    void filesAreListedWithTheirChecksums() throws IOException {
        write("valuesets/local-pazopanib.json", valueSet("pazopanib", FORMULARY, "PAZ200"));
        write("README.md", "notes are not knowledge");

        SiteKnowledge knowledge = SiteKnowledge.load(site.toString());

        assertThat(knowledge.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("valuesets/local-pazopanib.json");
            assertThat(file.sha256()).matches("[0-9a-f]{64}");
        });
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(site.resolve(path).getParent());
        Files.writeString(site.resolve(path), text);
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }

    static String valueSet(String id, String system, String code) {
        return """
                {
                  "resourceType": "ValueSet",
                  "id": "%s",
                  "status": "active",
                  "description": "Local formulary codes, checked by the pharmacy",
                  "compose": { "include": [ { "system": "%s", "concept": [ { "code": "%s" } ] } ] }
                }
                """.formatted(id, system, code);
    }

    static String conceptMap(String source, String product, String rxnorm) {
        return """
                {
                  "resourceType": "ConceptMap",
                  "id": "formulary",
                  "status": "active",
                  "group": [ {
                    "source": "%s",
                    "target": "http://www.nlm.nih.gov/research/umls/rxnorm",
                    "element": [ { "code": "%s", "target": [ { "code": "%s", "equivalence": "wider" } ] } ]
                  } ]
                }
                """.formatted(source, product, rxnorm);
    }
}
