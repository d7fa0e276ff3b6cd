package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.codesystems.V3ObservationInterpretation;
import org.junit.jupiter.api.Test;
import org.sarcomacds.knowledge.DisjointValueSets;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;

/**
 * The knowledge behind the issue 12 facts, checked: the interpretation codes are those of the FHIR R4 code system,
 * a CYP3A value set declares effect and strength, and the text cues refuse an empty list.
 */
class KnowledgeOfFreeTextTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    @Test
    void theInterpretationCodesAndDisplaysAreThoseOfTheFhirR4CodeSystem() {
        for (String id : List.of(Concepts.INTERPRETATION_POSITIVE, Concepts.INTERPRETATION_NEGATIVE)) {
            ValueSet valueSet = FHIR.newJsonParser()
                    .parseResource(
                            ValueSet.class,
                            KnowledgeFiles.jsonFile("valuesets/" + id + ".json").text());
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                    V3ObservationInterpretation code = V3ObservationInterpretation.fromCode(concept.getCode());
                    assertThat(include.getSystem()).isEqualTo(code.getSystem());
                    assertThat(concept.getDisplay()).isEqualTo(code.getDisplay());
                }
            }
        }
    }

    @Test
    void everyCyp3aValueSetDeclaresItsEffectAndStrength() {
        Terminology terminology = new Terminology(FHIR);

        assertThat(terminology.cyp3a(Concepts.CYP3A_INHIBITORS))
                .contains(new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.STRONG));
        assertThat(terminology.cyp3a(Concepts.CYP3A_MODERATE_INHIBITORS))
                .contains(new Cyp3a(Cyp3a.Effect.INHIBITOR, Cyp3a.Strength.MODERATE));
        assertThat(terminology.cyp3a(Concepts.CYP3A_INDUCERS))
                .contains(new Cyp3a(Cyp3a.Effect.INDUCER, Cyp3a.Strength.STRONG));
        assertThat(terminology.cyp3a(Concepts.DOXORUBICIN)).isEmpty();
    }

    @Test
    void aCyp3aValueSetWithAnEffectButNoStrengthStopsStartUp() {
        KnowledgeFile file = new KnowledgeFile("odd.json", """
                {"resourceType": "ValueSet", "id": "odd", "status": "active",
                 "extension": [{"url": "https://sarcomacds.org/fhir/StructureDefinition/cyp3a-effect",
                                "valueCode": "inhibitor"}],
                 "compose": {"include": [{"system": "urn:x", "concept": [{"code": "1"}]}]}}
                """);

        assertThatThrownBy(() -> new Terminology(
                        FHIR, List.of(file), List.of(), new DisjointValueSets(null, List.of()), FreeText.load()))
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessage("hooks file odd.json must declare both cyp3a-effect (inhibitor or inducer) and"
                        + " cyp3a-strength (strong or moderate).");
    }

    @Test
    void theEcogGradesComeFromTheValueSet() {
        Terminology terminology = new Terminology(FHIR);

        assertThat(terminology.ordinal(FhirRecords.concept(FhirRecords.LOINC, "LA9626-8", null), Concepts.ECOG_GRADES))
                .hasValue(4);
        assertThat(terminology.ordinal(FhirRecords.concept(FhirRecords.LOINC, "LA9626-8", null), Concepts.ECOG))
                .isEmpty();
    }

    @Test
    void anEmptyCueListStopsStartUp() {
        TextCues cues = TextCues.load();
        TextCues without = new TextCues(
                cues.description(),
                cues.maxWordsBetween(),
                cues.clauseEnds(),
                cues.abbreviations(),
                cues.clauseEndWords(),
                new TextCues.Directed(List.of(), cues.negation().after()),
                cues.uncertainty(),
                cues.pseudo(),
                cues.stopReasons(),
                cues.routes(),
                cues.doseForms(),
                cues.results());

        assertThatThrownBy(without::check)
                .isInstanceOf(InvalidKnowledgeException.class)
                .hasMessage("hooks file text-cues.json: negation.before is empty.");
    }

    @Test
    void aRuleThatReadsEcogOrPregnancyWithoutDeclaringThemIsStopped() {
        PatientFacts facts = FhirRecords.record().facts().readBy("LMS-X", Set.of(Concepts.LEIOMYOSARCOMA));

        assertThatThrownBy(facts::ecog).hasMessageContaining("reads value set 'obs-ecog'");
        assertThatThrownBy(facts::pregnancy).hasMessageContaining("reads value set 'obs-pregnancy-status'");
        assertThatThrownBy(facts::anthracyclineExposures).hasMessageContaining("reads value set 'anthracyclines'");
        assertThatThrownBy(facts::body).hasMessageContaining("reads value set 'obs-body-height'");
    }
}
