package org.sarcomacds.cards;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.DraftOrder;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.rules.Evidence;
import org.sarcomacds.rules.Finding;

/** Cards from findings, with the real card texts of {@code hooks/cards/} and a plain (non-Spring) factory. */
class CardFactoryTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final String NEXT_LINE = "LMS-TRABECTEDIN-NEXT-LINE";
    private static final Fact LMS = new Fact(
            "leiomyosarcoma-histology",
            "Leiomyosarcoma of uterus",
            "Condition/lms",
            "active",
            true,
            "",
            "ICD-O-3 8890/3",
            false);

    private final CardFactory factory = new CardFactory(new CardTemplates(), new OrderBuilder(FHIR));

    @Test
    void cardsComeCriticalThenWarningThenInfoThenByTemplatePriority() {
        List<Finding> findings = List.of(
                finding("LMS-CLINICAL-TRIALS", Map.of("ntrk", "")),
                nextLine(false),
                finding("LMS-AVOID-GEMCITABINE-PAZOPANIB", Map.of("combination", "")),
                finding("LMS-NTRK-FUSION", Map.of("fusion", "NTRK3 fusion")),
                finding("LMS-TRABECTEDIN-CYP3A", Map.of("interaction", "")),
                finding("LMS-TRABECTEDIN-SAFETY", Map.of("assessment", "", "results", ""))
                        .withIndicator("critical"));

        List<Card> cards = factory.cards(findings, "p1");

        assertThat(cards)
                .extracting(Card::ruleId)
                .containsExactly(
                        "LMS-TRABECTEDIN-SAFETY",
                        "LMS-AVOID-GEMCITABINE-PAZOPANIB",
                        "LMS-TRABECTEDIN-CYP3A",
                        "LMS-CLINICAL-TRIALS",
                        "LMS-NTRK-FUSION",
                        NEXT_LINE);
        assertThat(cards)
                .extracting(Card::indicator)
                .containsExactly("critical", "warning", "warning", "info", "info", "info");
    }

    @Test
    void aRuleIndicatorOverridesTheTemplatesAndAnInfoSafetyCardSortsByPriority() {
        List<Card> cards = factory.cards(
                List.of(
                        finding("LMS-CLINICAL-TRIALS", Map.of("ntrk", "")),
                        finding("LMS-TRABECTEDIN-SAFETY", Map.of("assessment", "", "results", ""))
                                .withIndicator("info")),
                "p1");

        assertThat(cards).extracting(Card::ruleId).containsExactly("LMS-TRABECTEDIN-SAFETY", "LMS-CLINICAL-TRIALS");
        assertThat(cards.get(0).overrideReasons())
                .as("info cards carry no override reasons")
                .isEmpty();
    }

    @Test
    void trabectedinSuggestionCreatesTrabectedinInMilligramsAndDexamethasone() {
        Card card = factory.cards(List.of(nextLine(true)), "p1").get(0);

        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.label()).startsWith("Draft trabectedin 1.5 mg/m² × 1.99 m² = 2.99 mg IV over 24 h");
            assertThat(s.actions())
                    .hasSize(2)
                    .allSatisfy(a -> assertThat(a.type()).isEqualTo("create"));
            MedicationRequest trabectedin = parse(s.actions().get(0));
            MedicationRequest dexamethasone = parse(s.actions().get(1));
            assertThat(trabectedin.getMedicationCodeableConcept().getCoding()).anySatisfy(c -> {
                assertThat(c.getSystem()).isEqualTo("http://www.whocc.no/atc");
                assertThat(c.getCode()).isEqualTo("L01CX01");
            });
            assertDose(trabectedin, "2.99", "mg");
            assertDose(dexamethasone, "20", "mg");
            assertThat(dexamethasone.getMedicationCodeableConcept().getText()).isEqualTo("dexamethasone");
            for (MedicationRequest request : List.of(trabectedin, dexamethasone)) {
                assertThat(request.getSubject().getReference()).isEqualTo("Patient/p1");
                assertThat(request.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.DRAFT);
                assertThat(request.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
            }
        });
        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
    }

    @Test
    void trabectedinSuggestionKeepsMilligramsPerSquareMetreWhenBsaIsUnknown() {
        Finding perM2 = new Finding(
                        NEXT_LINE,
                        List.of(new Evidence("Leiomyosarcoma", LMS)),
                        Map.of(
                                "therapyHistory",
                                "",
                                "liver",
                                "",
                                "doseValue",
                                "1.5",
                                "doseUnit",
                                "mg/m2",
                                "doseText",
                                "1.5 mg/m² (BSA unknown)"),
                        List.of())
                .offeringOrders();

        Action trabectedin = factory.cards(List.of(perM2), "p1")
                .get(0)
                .suggestions()
                .get(0)
                .actions()
                .get(0);

        assertDose(parse(trabectedin), "1.5", "mg/m2");
    }

    @Test
    void aFindingThatDoesNotOfferOrdersHasNoCreateSuggestion() {
        Card card = factory.cards(List.of(nextLine(false)), "p1").get(0);

        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
    }

    @Test
    void aSingleRemovalIsARecommendedDelete() {
        Fact draft = new Fact(
                "gemcitabine",
                "gemcitabine 1000 mg/m2",
                "MedicationRequest/d-gem",
                "draft",
                true,
                "",
                "RxNorm 12574",
                false);
        Finding finding = finding("LMS-AVOID-GEMCITABINE-PAZOPANIB", Map.of("combination", "x"))
                .withRemovals(List.of(new DraftOrder(draft, true)));

        Card card = factory.cards(List.of(finding), "p1").get(0);

        assertThat(card.suggestions()).singleElement().satisfies(s -> {
            assertThat(s.isRecommended()).isTrue();
            assertThat(s.actions()).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo("delete");
                assertThat(a.resourceId()).isEqualTo("MedicationRequest/d-gem");
            });
        });
        assertThat(card.overrideReasons()).isNotEmpty();
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
                "LMS-CLINICAL-TRIALS",
                List.of(new Evidence("Leiomyosarcoma", hostile)),
                Map.of("ntrk", ""),
                List.of("note with <img src=x onerror=alert(1)>"));

        String detail = factory.cards(List.of(finding), "p1").get(0).detail();

        assertThat(detail)
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*LMS\\* \\[click\\](http://x)")
                .contains("note with &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void aCaveatAddsItsParagraphAndIsNamedInTheRuleLine() {
        Finding finding = new Finding(
                "LMS-CLINICAL-TRIALS",
                null,
                List.of(new Evidence("Leiomyosarcoma", LMS)),
                Map.of("ntrk", ""),
                List.of(),
                false,
                List.of(),
                List.of("LMS-BONE-PRIMARY-EXTRAPOLATED"));

        String detail = factory.cards(List.of(finding), "p1").get(0).detail();

        assertThat(detail)
                .contains("**Primary leiomyosarcoma of bone.**")
                .contains("Rule `LMS-CLINICAL-TRIALS`, caveat `LMS-BONE-PRIMARY-EXTRAPOLATED`.");
        assertThat(factory.cards(List.of(finding("LMS-CLINICAL-TRIALS", Map.of("ntrk", ""))), "p1")
                        .get(0)
                        .detail())
                .doesNotContain("Primary leiomyosarcoma of bone");
    }

    private static Finding nextLine(boolean offerOrders) {
        Finding finding = finding(
                NEXT_LINE,
                Map.of(
                        "therapyHistory",
                        "doxorubicin (completed)",
                        "liver",
                        "",
                        "doseValue",
                        "2.99",
                        "doseUnit",
                        "mg",
                        "doseText",
                        "1.5 mg/m² × 1.99 m² = 2.99 mg"));
        return offerOrders ? finding.offeringOrders() : finding;
    }

    private static Finding finding(String ruleId, Map<String, String> fills) {
        return new Finding(ruleId, List.of(new Evidence("Leiomyosarcoma", LMS)), fills, List.of());
    }

    private static MedicationRequest parse(Action action) {
        return FHIR.newJsonParser().parseResource(MedicationRequest.class, action.resource());
    }

    private static void assertDose(MedicationRequest request, String value, String unit) {
        Quantity dose =
                request.getDosageInstructionFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        assertThat(dose.getValue()).isEqualByComparingTo(value);
        assertThat(dose.getCode()).isEqualTo(unit);
        assertThat(dose.getSystem()).isEqualTo("http://unitsofmeasure.org");
    }
}
