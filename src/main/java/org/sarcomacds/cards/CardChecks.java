package org.sarcomacds.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.rules.RuleSpec;
import org.sarcomacds.rules.Variant;

/**
 * The start-up checks of one card file against the rule that fills it (see {@link CardTemplates}); each problem is
 * one sentence naming the file and the key.
 */
final class CardChecks {

    private static final Set<String> INDICATORS = Set.of("info", "warning", "critical");

    private CardChecks() {}

    /** The shared phrases, {@code {"description": …, "phrases": {key: words}}}. */
    static Map<String, String> phrases(KnowledgeFile file) {
        Map<String, String> phrases = new LinkedHashMap<>();
        file.tree()
                .path("phrases")
                .properties()
                .forEach(e -> phrases.put(e.getKey(), e.getValue().asString("")));
        CardTemplates.checkPhrases(phrases);
        return phrases;
    }

    static void consult(CardTemplate template, String file) {
        common(template, file);
        if (!"info".equals(template.indicator()) || summaryProblem(template.summary())) {
            throw CardTemplates.invalid(file, "needs indicator info and a summary under 140 characters");
        }
        variants(template, null, file);
        for (String text : texts(template)) {
            if (!CardWords.placeholders(text).isEmpty()) {
                throw CardTemplates.invalid(file, "uses a placeholder in a text no rule fills: " + text);
            }
        }
    }

    static void rule(CardTemplate template, RuleSpec spec, String file) {
        common(template, file);
        if (template.citations().isEmpty() || template.evidence().isEmpty()) {
            throw CardTemplates.invalid(file, "needs citations and evidence");
        }
        if (spec.isOption()) {
            option(template, file);
        } else {
            warning(template, spec, file);
        }
        variants(template, spec, file);
        for (String text : texts(template)) {
            Set<String> unknown = CardTemplates.unknown(text, spec.fills());
            if (!unknown.isEmpty()) {
                throw CardTemplates.invalid(
                        file, "uses " + unknown + ", which rule " + spec.id() + " does not fill, in: " + text);
            }
        }
        OrderChecks.check(template.orders(), file);
    }

    private static void common(CardTemplate template, String file) {
        if (template.title() == null
                || template.source() == null
                || template.source().label() == null
                || template.source().topic() == null
                || !template.ruleId().equals(template.source().topic().code())) {
            throw CardTemplates.invalid(file, "needs a title and a source with a label and its rule id as topic");
        }
    }

    private static void option(CardTemplate template, String file) {
        CardTemplate.Option option = template.option();
        if (option == null
                || option.label() == null
                || option.lines().isEmpty()
                || option.lines().size() > 3) {
            throw CardTemplates.invalid(file, "is an option: it needs an option with a label and one to three lines");
        }
        if (template.indicator() != null
                || template.summary() != null
                || !template.detail().isEmpty()
                || !template.overrideReasons().isEmpty()) {
            throw CardTemplates.invalid(file, "is an option of the consult: it has no indicator, summary or detail");
        }
    }

    private static void warning(CardTemplate template, RuleSpec spec, String file) {
        if (template.option() != null
                || !spec.indicators().contains(template.indicator())
                || summaryProblem(template.summary())
                || template.detail().isEmpty()) {
            throw CardTemplates.invalid(
                    file,
                    "is a warning: detail, indicator in " + spec.indicators() + " and a summary of < 140 characters");
        }
        for (String indicator : spec.indicators()) {
            if (!INDICATORS.contains(indicator)) {
                throw CardTemplates.invalid(file, "belongs to a rule declaring the indicator " + indicator);
            }
            List<Coding> reasons = template.overrideReasons(indicator);
            boolean needed = !indicator.equals("info");
            if (needed == reasons.isEmpty() || reasons.stream().anyMatch(r -> r.display() == null)) {
                throw CardTemplates.invalid(
                        file, "lacks override reasons (with displays) for '" + indicator + "', or has some for info");
            }
        }
        for (String indicator : template.overrideReasons().keySet()) {
            if (!spec.indicators().contains(indicator)) {
                throw CardTemplates.invalid(file, "has override reasons for '" + indicator + "', never raised");
            }
        }
    }

    private static boolean summaryProblem(String summary) {
        return summary == null || summary.isBlank() || summary.length() >= 140;
    }

    /** Every declared variant has words that use only its values, and the file has no other. */
    private static void variants(CardTemplate template, RuleSpec spec, String file) {
        List<Variant> declared = CardTemplates.declared(spec);
        for (Variant variant : declared) {
            String text = template.variants().get(variant.key());
            if (text == null || text.isBlank()) {
                throw CardTemplates.invalid(file, "has no words for the variant '" + variant.key() + "'");
            }
            Set<String> unknown = CardTemplates.unknown(text, variant.placeholders());
            if (!unknown.isEmpty()) {
                throw CardTemplates.invalid(
                        file, "uses " + unknown + " in the variant '" + variant.key() + "', which no rule fills");
            }
        }
        for (String key : template.variants().keySet()) {
            if (declared.stream().noneMatch(v -> v.key().equals(key))) {
                throw CardTemplates.invalid(file, "has the variant '" + key + "', which its rule does not declare");
            }
        }
    }

    /** The texts whose placeholders the rule's fills must cover. */
    private static List<String> texts(CardTemplate template) {
        List<String> texts = new ArrayList<>();
        if (template.summary() != null) {
            texts.add(template.summary());
        }
        texts.addAll(template.detail());
        texts.addAll(template.why());
        if (template.option() != null) {
            texts.add(template.option().label());
            texts.addAll(template.option().lines());
        }
        for (OrderTemplate order : template.orders()) {
            texts.add(order.label());
            for (OrderTemplate.MedicationTemplate m : order.medications()) {
                texts.add(m.dosageText());
                if (m.dose() != null) {
                    texts.add(m.dose());
                }
            }
        }
        return texts;
    }
}
