package org.sarcomacds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.rules.Consult;
import org.sarcomacds.rules.Evidence;
import org.sarcomacds.rules.Finding;
import org.sarcomacds.rules.Phrase;
import org.sarcomacds.rules.Text;

/** Cards from findings, with the real card texts of {@code hooks/cards/} and a plain (non-Spring) factory. */
class CardFactoryTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String NEXT_LINE = "LMS-TRABECTEDIN-NEXT-LINE";
    private static final String SAFETY = "LMS-TRABECTEDIN-SAFETY";
    private static final String BASE = "https://cds.example.org";
    private static final Fact LMS = new Fact(
            "leiomyosarcoma-histology",
            "Leiomyosarcoma of uterus",
            "Condition/lms",
            "active",
            true,
            "",
            "ICD-O-3 8890/3",
            false);
    private static final Fact TRABECTEDIN_DRAFT =
            new Fact("trabectedin", "trabectedin", "MedicationRequest/d-trab", "draft", true, "", "ATC L01CX01", false);

    private final CardFactory factory = new CardFactory(new CardTemplates(), new OrderBuilder(FHIR));

    @Test
    void warningsComeFirstThenTheOneConsultOfAllOptions() {
        List<Finding> findings = List.of(
                finding("LMS-CLINICAL-TRIALS", Map.of("ntrk", "")),
                nextLine(false),
                finding("LMS-AVOID-GEMCITABINE-PAZOPANIB", Map.of("combination", "")),
                finding("LMS-NTRK-FUSION", Map.of("fusion", "NTRK3 fusion")),
                finding("LMS-TRABECTEDIN-CYP3A", Map.of("interaction", "")),
                finding(SAFETY, Map.of("assessment", "", "results", "", "days", "7", "lvefDays", "90"))
                        .withIndicator("critical"));

        List<Card> cards = factory.cards(findings, "p1", BASE);

        assertThat(cards)
                .extracting(Card::ruleId)
                .containsExactly(SAFETY, "LMS-AVOID-GEMCITABINE-PAZOPANIB", "LMS-TRABECTEDIN-CYP3A", Consult.ID);
        assertThat(cards).extracting(Card::indicator).containsExactly("critical", "warning", "warning", "info");
        assertThat(cards.get(3).options()).containsExactly("LMS-CLINICAL-TRIALS", "LMS-NTRK-FUSION", NEXT_LINE);
        assertThat(cards.get(3).source().topic().code()).isEqualTo(Consult.ID);
    }

    @Test
    void theConsultRanksItsOptionsAndSaysEachInShortLines() {
        Card consult = factory.cards(
                        List.of(
                                finding("LMS-HIGH-DOSE-IFOSFAMIDE", Map.of("ifosfamideHistory", "", "docetaxel", "")),
                                nextLine(true),
                                finding("LMS-CLINICAL-TRIALS", Map.of("ntrk", ""))),
                        "p1",
                        BASE)
                .get(0);

        String detail = consult.detail();
        assertThat(detail.indexOf("1. **Clinical trial.**"))
                .isLessThan(detail.indexOf("2. **Trabectedin, the preferred next line.**"))
                .isLessThan(detail.indexOf("3. **High-dose ifosfamide"));
        assertThat(detail)
                .contains("1.5 mg/m² × 1.99 m² = 2.99 mg IV over 24 h every 21 days")
                .contains("Consult `LMS-NEXT-LINE-OPTIONS`: options `LMS-CLINICAL-TRIALS`, `" + NEXT_LINE
                        + "`, `LMS-HIGH-DOSE-IFOSFAMIDE`.")
                .doesNotContain("{{");
        assertThat(consult.links())
                .extracting(Link::url)
                .contains(BASE + "/evidence/" + NEXT_LINE, BASE + "/evidence/LMS-CLINICAL-TRIALS");
    }

    @Test
    void eachSuggestionOfTheConsultRemembersTheOptionItCameFrom() {
        Card consult = factory.cards(List.of(nextLine(true), regorafenib()), "p1", BASE)
                .get(0);

        assertThat(consult.suggestions()).hasSize(2);
        assertThat(consult.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(consult.suggestionRules())
                .containsEntry(consult.suggestions().get(0).uuid(), NEXT_LINE)
                .containsEntry(consult.suggestions().get(1).uuid(), "LMS-REGORAFENIB-ALTERNATIVE");
    }

    @Test
    void topLinesAndTheBoneCaveatOpenTheConsultOnce() {
        Text unconfirmed = Text.ofVariant(
                "metastasis-unconfirmed",
                Map.of("status", "not confirmed (verification status provisional)", "reference", "Condition/m"));
        Finding trials = finding("LMS-CLINICAL-TRIALS", Map.of("ntrk", ""))
                .withTopLine(unconfirmed)
                .withCaveat("LMS-BONE-PRIMARY-EXTRAPOLATED");
        Finding ifosfamide = finding("LMS-HIGH-DOSE-IFOSFAMIDE", Map.of("ifosfamideHistory", "", "docetaxel", ""))
                .withTopLine(unconfirmed)
                .withCaveat("LMS-BONE-PRIMARY-EXTRAPOLATED");

        String detail =
                factory.cards(List.of(trials, ifosfamide), "p1", BASE).get(0).detail();

        assertThat(detail).startsWith("**Primary leiomyosarcoma of bone:**");
        assertThat(detail.split("Metastasis not confirmed", -1)).hasSize(2);
        assertThat(detail.indexOf("Metastasis not confirmed")).isLessThan(detail.indexOf("1. **Clinical trial.**"));
        assertThat(detail).contains("; caveat `LMS-BONE-PRIMARY-EXTRAPOLATED`.");
    }

    @Test
    void theCriticalCardSaysWhatIsWrongOffersToDeleteTheDraftAndItsOwnOverrideReasons() {
        DraftOrder draft = new DraftOrder(TRABECTEDIN_DRAFT, true);
        Finding critical = finding(SAFETY, Map.of("assessment", "", "results", "", "days", "7", "lvefDays", "90"))
                .withIndicator("critical")
                .withSummary(Text.ofVariant(
                        "summary-do-not-give", Map.of("times", "4.2", "date", "2026-11-20", "limit", "3")))
                .withRemovals(List.of(draft));

        Card card = factory.cards(List.of(critical), "p1", BASE).get(0);

        assertThat(card.summary())
                .isEqualTo("Do not give trabectedin: total bilirubin 4.2 × ULN on 2026-11-20"
                        + " (label: do not give above 3 × ULN)");
        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.isRecommended()).isTrue();
            assertThat(s.actions()).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo("delete");
                assertThat(a.resourceId()).isEqualTo("MedicationRequest/d-trab");
            });
        });
        assertThat(card.overrideReasons())
                .extracting(Coding::code)
                .containsExactly("result-repeated", "treating-team", "record-outdated");
        assertThat(card.concerns()).containsExactly("MedicationRequest/d-trab");
        Card warning = factory.cards(
                        List.of(finding(SAFETY, Map.of("assessment", "", "results", "", "days", "7", "lvefDays", "90"))
                                .withIndicator("warning")),
                        "p1",
                        BASE)
                .get(0);
        assertThat(warning.summary()).startsWith("Trabectedin: check blood counts");
        assertThat(warning.overrideReasons()).extracting(Coding::code).contains("dose-adjusted");
    }

    @Test
    void anIndicatorTheRuleDoesNotDeclareIsAProgrammingError() {
        Finding critical =
                finding("LMS-TRABECTEDIN-CYP3A", Map.of("interaction", "")).withIndicator("critical");

        assertThatThrownBy(() -> factory.cards(List.of(critical), "p1", BASE))
                .hasMessageContaining("LMS-TRABECTEDIN-CYP3A raised indicator critical");
    }

    @Test
    void theTrabectedinOrderIsStructuredWithItsDoseInMilligrams() {
        Card card = factory.cards(List.of(nextLine(true)), "p1", BASE).get(0);

        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.label()).startsWith("Draft trabectedin 1.5 mg/m² × 1.99 m² = 2.99 mg IV over 24 h");
            MedicationRequest trabectedin = parse(s.actions().get(0));
            MedicationRequest dexamethasone = parse(s.actions().get(1));
            assertDose(trabectedin, "2.99");
            assertDose(dexamethasone, "20");
            Dosage dosage = trabectedin.getDosageInstructionFirstRep();
            Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
            assertThat(repeat.getFrequency()).isEqualTo(1);
            assertThat(repeat.getPeriod()).isEqualByComparingTo("21");
            assertThat(repeat.getPeriodUnit()).isEqualTo(Timing.UnitsOfTime.D);
            assertThat(repeat.getDuration()).isEqualByComparingTo("24");
            assertThat(repeat.getDurationUnit()).isEqualTo(Timing.UnitsOfTime.H);
            assertThat(dosage.getRoute().getCodingFirstRep().getCode()).isEqualTo("47625008");
            for (MedicationRequest request : List.of(trabectedin, dexamethasone)) {
                assertThat(request.getSubject().getReference()).isEqualTo("Patient/p1");
                assertThat(request.getReasonReferenceFirstRep().getReference()).isEqualTo("Condition/lms");
                assertThat(request.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
            }
        });
    }

    @Test
    void withoutACalculatedDoseTheOrderCarriesNoDoseQuantityOnlyTheDosePerSquareMetreInText() {
        Finding perM2 = finding(
                        NEXT_LINE,
                        Map.of(
                                "liver",
                                "",
                                "body",
                                "",
                                "cyp3a",
                                "",
                                "dose",
                                Text.ofVariant("dose-per-m2", Map.of("perM2", "1.5"))))
                .offeringOrders("Condition/lms");

        Card card = factory.cards(List.of(perM2), "p1", BASE).get(0);
        MedicationRequest trabectedin =
                parse(card.suggestions().get(0).actions().get(0));

        assertThat(trabectedin.getDosageInstructionFirstRep().getDoseAndRate()).isEmpty();
        assertThat(trabectedin.getDosageInstructionFirstRep().getText())
                .startsWith("Trabectedin 1.5 mg/m² (no dose in mg: calculate it before signing)");
        assertDose(parse(card.suggestions().get(0).actions().get(1)), "20");
    }

    @Test
    void regorafenibIsOralOnceDailyForTwentyOneDays() {
        Card card = factory.cards(List.of(regorafenib()), "p1", BASE).get(0);
        MedicationRequest request = parse(card.suggestions().get(0).actions().get(0));
        Timing.TimingRepeatComponent repeat =
                request.getDosageInstructionFirstRep().getTiming().getRepeat();

        assertDose(request, "160");
        assertThat(repeat.getPeriod()).isEqualByComparingTo("1");
        assertThat(repeat.getBoundsDuration().getValue()).isEqualByComparingTo("21");
        assertThat(request.getDosageInstructionFirstRep()
                        .getRoute()
                        .getCodingFirstRep()
                        .getCode())
                .isEqualTo("26643006");
    }

    @Test
    void aFindingThatDoesNotOfferOrdersHasNoCreateSuggestion() {
        Card card = factory.cards(List.of(nextLine(false)), "p1", BASE).get(0);

        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
    }

    @Test
    void recordTextInTheDetailIsEscaped() {
        Fact hostile = new Fact(
                "leiomyosarcoma-histology",
                "<script>alert(1)</script> *LMS* [click](http://x)",
                "Condition/lms",
                "active",
                true,
                "",
                "the name \"leiomyosarcoma\"",
                true);
        Finding finding = new Finding(
                "LMS-AVOID-GEMCITABINE-PAZOPANIB",
                List.of(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, hostile)),
                Map.of("combination", ""),
                List.of(Phrase.NOTE_GAP.with("gap", "note with <img src=x onerror=alert(1)>")));

        String detail = factory.cards(List.of(finding), "p1", BASE).get(0).detail();

        assertThat(detail)
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*LMS\\* \\[click\\](http://x)")
                .contains("note with &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aWarningSaysTheCaveatAfterItsDetailAndNamesItInTheRuleLine() {
        Finding finding =
                finding("LMS-TRABECTEDIN-CYP3A", Map.of("interaction", "")).withCaveat("LMS-BONE-PRIMARY-EXTRAPOLATED");

        String detail = factory.cards(List.of(finding), "p1", BASE).get(0).detail();

        assertThat(detail)
                .contains("**Primary leiomyosarcoma of bone:**")
                .contains("Rule `LMS-TRABECTEDIN-CYP3A`, caveat `LMS-BONE-PRIMARY-EXTRAPOLATED`.");
        assertThat(factory.cards(List.of(finding("LMS-TRABECTEDIN-CYP3A", Map.of("interaction", ""))), "p1", BASE)
                        .get(0)
                        .detail())
                .doesNotContain("Primary leiomyosarcoma of bone");
    }

    @Test
    void withoutItsOwnAddressACardHasNoEvidenceLink() {
        Card card = factory.cards(List.of(finding("LMS-TRABECTEDIN-CYP3A", Map.of("interaction", ""))), "p1", "")
                .get(0);

        assertThat(card.links()).extracting(Link::url).noneMatch(url -> url.contains("/evidence/"));
    }

    private static Finding nextLine(boolean offerOrders) {
        Finding finding = finding(
                NEXT_LINE,
                Map.of(
                        "liver",
                        "",
                        "body",
                        "",
                        "cyp3a",
                        "",
                        "doseMg",
                        "2.99",
                        "dose",
                        Text.ofVariant("dose-from-bsa", Map.of("perM2", "1.5", "bsa", "1.99", "mg", "2.99"))));
        return offerOrders ? finding.offeringOrders("Condition/lms") : finding;
    }

    private static Finding regorafenib() {
        return finding("LMS-REGORAFENIB-ALTERNATIVE", Map.of("pazopanib", "", "liver", ""))
                .offeringOrders("Condition/lms");
    }

    private static Finding finding(String ruleId, Map<String, ?> fills) {
        return new Finding(ruleId, List.of(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, LMS)), fills, List.of());
    }

    private static MedicationRequest parse(Action action) {
        return FHIR.newJsonParser().parseResource(MedicationRequest.class, action.resource());
    }

    private static void assertDose(MedicationRequest request, String value) {
        Quantity dose =
                request.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        assertThat(dose.getValue()).isEqualByComparingTo(value);
        assertThat(dose.getCode()).isEqualTo("mg");
        assertThat(dose.getSystem()).isEqualTo("http://unitsofmeasure.org");
    }
}
