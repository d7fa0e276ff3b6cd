package org.sarcomacds.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.facts.FhirRecords.ICD_10_CM;
import static org.sarcomacds.facts.FhirRecords.ICD_O_3;
import static org.sarcomacds.facts.FhirRecords.concept;
import static org.sarcomacds.facts.FhirRecords.condition;
import static org.sarcomacds.facts.FhirRecords.record;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.junit.jupiter.api.Test;

/** A diagnosis recognised by name only counts where the Condition's words do not negate it (hooks/text-cues.json). */
class ConditionWordingFactsTest {

    @Test
    void leiomyosarcomaExcludedOnIhcIsNoLeiomyosarcoma() {
        PatientFacts facts = record().with(
                        condition("c1", text("Uterine smooth muscle tumour; leiomyosarcoma excluded on IHC")))
                .facts();

        assertThat(facts.leiomyosarcoma()).isEmpty();
    }

    @Test
    void aDoubtedLeiomyosarcomaIsAnUnconfirmedOneThatSaysWhy() {
        PatientFacts facts = record().with(condition("c1", text("Uterine mass, ?leiomyosarcoma")))
                .facts();

        assertThat(facts.leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.unconfirmed()).isTrue();
            assertThat(f.byName()).isTrue();
            assertThat(f.note()).isEqualTo("not confirmed (\"?leiomyosarcoma\")");
        });
    }

    @Test
    void aHistoryOfLeiomyosarcomaCounts() {
        PatientFacts facts = record().with(condition("c1", text("History of leiomyosarcoma of uterus")))
                .facts();

        assertThat(facts.leiomyosarcoma())
                .singleElement()
                .satisfies(f -> assertThat(f.unconfirmed()).isFalse());
    }

    @Test
    void anAffirmedMentionInTheDisplayCountsWhenTheTextNegatesAnother() {
        CodeableConcept code = text("Leiomyosarcoma ruled out");
        code.addCoding(new Coding(ICD_10_CM, "C49.9", "Leiomyosarcoma of soft tissue, grade 2"));

        assertThat(record().with(condition("c1", code)).facts().leiomyosarcoma())
                .hasSize(1);
    }

    @Test
    void aCodeTheWordsDoubtIsUnconfirmed() {
        CodeableConcept code = concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS");
        code.setText("?leiomyosarcoma, await review");

        assertThat(record().with(condition("c1", code)).facts().leiomyosarcoma())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.unconfirmed()).isTrue();
                    assertThat(f.byName()).isFalse();
                    assertThat(f.note()).isEqualTo("not confirmed (\"?leiomyosarcoma\")");
                });
    }

    @Test
    void anExcludedGistDoesNotTakeTheLeiomyosarcomaAway() {
        PatientFacts facts = record().with(
                        condition("c1", text("Gastric leiomyosarcoma, GIST excluded (DOG1 and KIT negative)")))
                .facts();

        assertThat(facts.leiomyosarcoma()).hasSize(1);
        assertThat(facts.conditions(Concepts.GIST)).isEmpty();
    }

    @Test
    void theAbatementOfAConditionIsItsEnd() {
        var lms = condition("c1", concept(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"));
        lms.setOnset(new DateTimeType("2022-03-08"));
        lms.setAbatement(new DateTimeType("2023-08-02"));

        assertThat(record().with(lms).facts().leiomyosarcoma()).singleElement().satisfies(f -> {
            assertThat(f.end()).hasToString("2023-08-02");
            assertThat(f.when()).isEqualTo("onset 2022-03-08, abated 2023-08-02");
        });
    }

    private static CodeableConcept text(String words) {
        return new CodeableConcept().setText(words);
    }
}
