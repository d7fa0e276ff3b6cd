package org.sarcomacds.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sarcomacds.facts.NegationDetector.Assertion;

/**
 * What the service reads in free text, with the cues of {@code hooks/text-cues.json}: whether a name is negated or
 * doubted, why a medication was stopped, whether a route, form or name says systemic or not, and whether a
 * qualitative result reads positive or negative.
 */
final class FreeText {

    private final NegationDetector negation;
    private final Phrases progression;
    private final Phrases toxicity;
    private final Phrases systemicRoutes;
    private final Phrases nonSystemicRoutes;
    private final Phrases systemicForms;
    private final Phrases nonSystemicForms;
    private final Phrases positive;
    private final Phrases negative;

    FreeText(TextCues cues) {
        this.negation = new NegationDetector(cues);
        this.progression = new Phrases(cues.stopReasons().progression());
        this.toxicity = new Phrases(cues.stopReasons().toxicity());
        this.systemicRoutes = new Phrases(cues.routes().systemic());
        this.nonSystemicRoutes = new Phrases(cues.routes().nonSystemic());
        this.systemicForms = new Phrases(cues.doseForms().systemic());
        this.nonSystemicForms = new Phrases(cues.doseForms().nonSystemic());
        this.positive = new Phrases(cues.results().positive());
        this.negative = new Phrases(cues.results().negative());
    }

    /** The built-in cues. */
    static FreeText load() {
        return new FreeText(TextCues.load());
    }

    NegationDetector negation() {
        return negation;
    }

    /** True when the text names progression and does not negate it ("no progression" does not count). */
    boolean saysProgression(String text) {
        return says(progression, text);
    }

    /** True when the text names a toxicity and does not negate it. */
    boolean saysToxicity(String text) {
        return says(toxicity, text);
    }

    private boolean says(Phrases phrases, String text) {
        return negation.assertionsOf(phrases, text).stream().anyMatch(a -> a != Assertion.NEGATED);
    }

    /** What a route text says: systemic, not systemic, or nothing (no cue, or cues of both kinds). */
    Optional<Route.Systemic> route(String text) {
        return classify(text, systemicRoutes, nonSystemicRoutes);
    }

    /** What a dose form or product name says, as {@link #route}. */
    Optional<Route.Systemic> doseForm(String text) {
        return classify(text, systemicForms, nonSystemicForms);
    }

    private static Optional<Route.Systemic> classify(String text, Phrases systemic, Phrases nonSystemic) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        boolean yes = systemic.in(text);
        boolean no = nonSystemic.in(text);
        return yes == no ? Optional.empty() : Optional.of(yes ? Route.Systemic.SYSTEMIC : Route.Systemic.NON_SYSTEMIC);
    }

    /** A qualitative result text: true positive, false negative, empty when it says neither (or both). */
    Optional<Boolean> result(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Phrases.Hit> hits = Phrases.longest(
                concat(positive.find(lower, 0, lower.length()), negative.find(lower, 0, lower.length())));
        boolean neg = hits.stream().anyMatch(h -> negative.has(h.phrase()));
        boolean pos = hits.stream().anyMatch(h -> positive.has(h.phrase()));
        return pos == neg ? Optional.empty() : Optional.of(pos);
    }

    private static List<Phrases.Hit> concat(List<Phrases.Hit> a, List<Phrases.Hit> b) {
        List<Phrases.Hit> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
