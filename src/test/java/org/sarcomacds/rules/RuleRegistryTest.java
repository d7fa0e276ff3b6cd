package org.sarcomacds.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.protocol.ServiceCatalog;
import org.sarcomacds.protocol.ServiceDefinition;
import org.sarcomacds.record.PrefetchDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry ({@link Rules}) agrees with the card texts, the value sets, the prefetch keys of the services and
 * {@code docs/clinical-rules.md}; when they disagree, the test fails with one sentence per disagreement.
 */
class RuleRegistryTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PrefetchDefinition PREFETCH = new PrefetchDefinition(
            FHIR, KnowledgeFiles.jsonFile("prefetch.json"), KnowledgeFiles.jsonFiles("valuesets"));

    @Test
    void theRegistryAgreesWithCardsValueSetsPrefetchKeysAndTheDocs() throws IOException {
        List<String> problems = check().problems();

        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    @Test
    void aRuleWithoutItsCardTextIsOneSentence() throws IOException {
        RegistryCheck check = check();
        Map<String, RegistryCheck.CardText> cards = new LinkedHashMap<>(check.cards());
        cards.remove("LMS-NTRK-FUSION.json");

        assertThat(check.withCards(cards).problems())
                .containsExactly("Rule LMS-NTRK-FUSION has no card text: hooks/cards/LMS-NTRK-FUSION.json is missing.");
    }

    @Test
    void aValueSetTheRuleReadsButHooksLacksIsOneSentence() throws IOException {
        RegistryCheck check = check();
        Set<String> valueSets = new HashSet<>(check.valueSets());
        valueSets.remove(Concepts.CYP3A_INDUCERS);

        assertThat(check.withValueSets(valueSets).problems())
                .containsExactlyInAnyOrder(
                        "Rule LMS-TRABECTEDIN-CYP3A reads value set 'strong-cyp3a-inducers', which"
                                + " hooks/valuesets/ does not have.",
                        "Rule LMS-TRABECTEDIN-NEXT-LINE reads value set 'strong-cyp3a-inducers', which"
                                + " hooks/valuesets/ does not have.");
    }

    @Test
    void anObservationAServiceDoesNotPrefetchIsOneSentence() throws IOException {
        RegistryCheck check = check();
        ServiceDefinition sign = check.services().stream()
                .filter(s -> s.id().equals("lms-order-sign"))
                .findFirst()
                .orElseThrow();
        Map<String, String> prefetch = new LinkedHashMap<>(sign.prefetch());
        prefetch.remove("lvef");
        ServiceDefinition withoutLvef = new ServiceDefinition(
                sign.id(),
                sign.hook(),
                sign.title(),
                sign.description(),
                sign.usageRequirements(),
                prefetch,
                sign.requiredPrefetch());

        assertThat(check.withServices(List.of(withoutLvef)).problems())
                .containsExactly("Rule LMS-TRABECTEDIN-SAFETY observes 'obs-lvef', but service lms-order-sign does"
                        + " not prefetch its key 'lvef'.");
    }

    @Test
    void hooksInTheDocsThatDisagreeWithTheRegistryAreOneSentence() throws IOException {
        RegistryCheck check = check();
        String doc = check.rulesDoc()
                .replace("| 7b | `LMS-NTRK-FUSION` | patient-view |", "| 7b | `LMS-NTRK-FUSION` | order-sign |");

        assertThat(check.withRulesDoc(doc).problems())
                .containsExactly("docs/clinical-rules.md says LMS-NTRK-FUSION answers 'order-sign', but its RuleSpec"
                        + " answers 'patient-view'.");
    }

    @Test
    void aRuleMissingFromTheTraceabilityTableIsOneSentence() throws IOException {
        RegistryCheck check = check();
        String doc = check.rulesDoc()
                .replace(
                        "if NTRK fusions are present | `LMS-NTRK-FUSION` |",
                        "if NTRK fusions are present | (not yet) |");

        assertThat(check.withRulesDoc(doc).problems())
                .containsExactly("docs/clinical-rules.md traces no statement of the source to LMS-NTRK-FUSION: add its"
                        + " row to the traceability table.");
    }

    @Test
    void aVariantTheRuleDeclaresButItsCardTextLacksIsOneSentence() throws IOException {
        RegistryCheck check = check();
        Map<String, RegistryCheck.CardText> cards = new LinkedHashMap<>(check.cards());
        RegistryCheck.CardText safety = cards.get("LMS-TRABECTEDIN-SAFETY.json");
        Set<String> variants = new TreeSet<>(safety.variants());
        variants.remove("summary-do-not-give");
        variants.add("summary-stale");
        cards.put(
                "LMS-TRABECTEDIN-SAFETY.json",
                new RegistryCheck.CardText(safety.ruleId(), variants, false, safety.overrideIndicators()));

        assertThat(check.withCards(cards).problems())
                .containsExactly(
                        "LMS-TRABECTEDIN-SAFETY declares the variant 'summary-do-not-give', which"
                                + " hooks/cards/LMS-TRABECTEDIN-SAFETY.json has no words for.",
                        "hooks/cards/LMS-TRABECTEDIN-SAFETY.json has the variant 'summary-stale', which"
                                + " LMS-TRABECTEDIN-SAFETY does not declare.");
    }

    @Test
    void anOptionWhoseCardTextIsAWarningIsOneSentence() throws IOException {
        RegistryCheck check = check();
        Map<String, RegistryCheck.CardText> cards = new LinkedHashMap<>(check.cards());
        RegistryCheck.CardText trials = cards.get("LMS-CLINICAL-TRIALS.json");
        cards.put(
                "LMS-CLINICAL-TRIALS.json",
                new RegistryCheck.CardText(trials.ruleId(), trials.variants(), false, Set.of()));

        assertThat(check.withCards(cards).problems())
                .containsExactly("Rule LMS-CLINICAL-TRIALS is an option in the registry, but"
                        + " hooks/cards/LMS-CLINICAL-TRIALS.json is written as a warning.");
    }

    @Test
    void aKindInTheDocsThatDisagreesWithTheRegistryIsOneSentence() throws IOException {
        RegistryCheck check = check();
        String doc = check.rulesDoc()
                .replace(
                        "| 7b | `LMS-NTRK-FUSION` | patient-view | option |",
                        "| 7b | `LMS-NTRK-FUSION` | patient-view | warning |");

        assertThat(check.withRulesDoc(doc).problems())
                .containsExactly("docs/clinical-rules.md says LMS-NTRK-FUSION is of kind 'warning', but its RuleSpec"
                        + " makes it option.");
    }

    private static RegistryCheck check() throws IOException {
        Map<String, RegistryCheck.CardText> cards = new LinkedHashMap<>();
        for (KnowledgeFile file : KnowledgeFiles.jsonFiles("cards")) {
            if (file.name().startsWith("_")) {
                continue; // the shared phrases
            }
            JsonNode card = JSON.readTree(file.text());
            cards.put(
                    file.name(),
                    new RegistryCheck.CardText(
                            card.path("ruleId").asString(),
                            new TreeSet<>(card.path("variants").propertyNames()),
                            card.has("option"),
                            new TreeSet<>(card.path("overrideReasons").propertyNames())));
        }
        Set<String> valueSets = new HashSet<>();
        for (KnowledgeFile file : KnowledgeFiles.jsonFiles("valuesets")) {
            String id = JSON.readTree(file.text()).path("id").asString();
            assertThat(file.name()).as("a value set file is named after its id").isEqualTo(id + ".json");
            valueSets.add(id);
        }
        List<ServiceDefinition> services = new ServiceCatalog(KnowledgeFiles.jsonFiles("services"), PREFETCH).all();
        return new RegistryCheck(
                Rules.ALL,
                Rules.CAVEATS,
                cards,
                valueSets,
                Concepts.METASTASIS_SITES,
                services,
                PREFETCH,
                Files.readString(Path.of("docs/clinical-rules.md")));
    }
}
