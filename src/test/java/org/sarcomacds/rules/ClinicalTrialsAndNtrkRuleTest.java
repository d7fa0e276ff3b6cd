package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sarcomacds.rules.FactsBuilder.metastaticLms;
import static org.sarcomacds.rules.FactsBuilder.patient;

import org.junit.jupiter.api.Test;
import org.sarcomacds.cards.Rendered;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Hook;

class ClinicalTrialsAndNtrkRuleTest {

    private final RuleUnderTest trials = new RuleUnderTest(ClinicalTrialsRule.SPEC);
    private final RuleUnderTest ntrk = new RuleUnderTest(NtrkFusionRule.SPEC);

    @Test
    void trialsFireForAnyMetastaticLmsWithoutTreatmentHistory() {
        assertThat(trials.evaluate(Hook.PATIENT_VIEW, metastaticLms().build()))
                .hasValueSatisfying(
                        f -> assertThat(Rendered.fill(f, "ntrk")).isEqualTo("No NTRK fusion result in the record."));
    }

    @Test
    void trialsQuietWithoutMetastaticDisease() {
        assertThat(trials.evaluate(Hook.PATIENT_VIEW, patient().lms().build())).isEmpty();
    }

    @Test
    void trialsQuietOnOrderSign() {
        assertThat(trials.evaluate(Hook.ORDER_SIGN, metastaticLms().build())).isEmpty();
    }

    @Test
    void trialsPointToTheNtrkCardWhenAFusionIsRecorded() {
        assertThat(trials.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms().ntrkResult("NTRK3", true).build()))
                .hasValueSatisfying(f -> {
                    assertThat(Rendered.fill(f, "ntrk")).isEqualTo("An NTRK fusion is recorded: see the NTRK option.");
                    assertThat(f.evidence()).extracting(Evidence::role).contains(Phrase.ROLE_NTRK_RESULT);
                });
    }

    @Test
    void trialsSayWhenTheNtrkResultReportsNoFusion() {
        assertThat(trials.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms().ntrkResult("NTRK3", false).build()))
                .hasValueSatisfying(f ->
                        assertThat(Rendered.fill(f, "ntrk")).isEqualTo("The record's NTRK result reports no fusion."));
    }

    @Test
    void ntrkFiresWithAFusionAndNamesTheGene() {
        assertThat(ntrk.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms().ntrkResult("NTRK3", true).build()))
                .hasValueSatisfying(f -> assertThat(Rendered.fill(f, "fusion")).isEqualTo("NTRK3 fusion"));
    }

    @Test
    void ntrkQuietWhenTheResultIsNotPresent() {
        assertThat(ntrk.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms().ntrkResult("NTRK3", false).build()))
                .isEmpty();
    }

    @Test
    void ntrkQuietWhenLarotrectinibIsCurrent() {
        assertThat(ntrk.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms()
                                .ntrkResult("NTRK3", true)
                                .current(Concepts.LAROTRECTINIB)
                                .build()))
                .isEmpty();
    }

    @Test
    void ntrkQuietWhenEntrectinibIsCurrent() {
        assertThat(ntrk.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms()
                                .ntrkResult("NTRK1", true)
                                .current(Concepts.ENTRECTINIB)
                                .build()))
                .isEmpty();
    }

    @Test
    void ntrkFiresAfterPastLarotrectinib() {
        assertThat(ntrk.evaluate(
                        Hook.PATIENT_VIEW,
                        metastaticLms()
                                .ntrkResult("NTRK3", true)
                                .past(Concepts.LAROTRECTINIB)
                                .build()))
                .isPresent();
    }

    @Test
    void ntrkQuietWithoutMetastaticDisease() {
        assertThat(ntrk.evaluate(
                        Hook.PATIENT_VIEW,
                        patient().lms().ntrkResult("NTRK3", true).build()))
                .isEmpty();
    }
}
