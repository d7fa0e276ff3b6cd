package org.sarcomacds.facts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.sarcomacds.facts.Phrases.Hit;

/**
 * Whether free text affirms, negates or doubts a name found in it (NegEx-style, with the cues of {@code
 * hooks/text-cues.json}): a negation or uncertainty cue governs the name when it stands in the same clause within
 * {@code maxWordsBetween} words before the name (a "before" cue) or after it (an "after" cue). Negation wins over
 * uncertainty; the longest cue wins where cues overlap, so "not ruled out" doubts and "ruled out" negates.
 */
final class NegationDetector {

    /** What the text says about the name. */
    enum Assertion {
        AFFIRMED,
        NEGATED,
        UNCERTAIN
    }

    /**
     * @param assertion what the text says
     * @param clause    the clause that decided, as the text writes it (e.g. "?leiomyosarcoma"); empty when affirmed
     */
    record Verdict(Assertion assertion, String clause) {

        static final Verdict AFFIRMED = new Verdict(Assertion.AFFIRMED, "");
    }

    private final int maxWords;
    private final String clauseEndChars;
    private final Set<String> abbreviations;
    private final Phrases clauseEndWords;
    private final Phrases cues;
    private final Set<String> negationBefore;
    private final Set<String> negationAfter;
    private final Set<String> uncertaintyBefore;
    private final Set<String> uncertaintyAfter;

    NegationDetector(TextCues textCues) {
        this.maxWords = textCues.maxWordsBetween();
        this.clauseEndChars = String.join("", textCues.clauseEnds());
        this.abbreviations = lower(textCues.abbreviations() == null ? List.of() : textCues.abbreviations());
        this.clauseEndWords = new Phrases(textCues.clauseEndWords());
        this.negationBefore = lower(textCues.negation().before());
        this.negationAfter = lower(textCues.negation().after());
        this.uncertaintyBefore = lower(textCues.uncertainty().before());
        this.uncertaintyAfter = lower(textCues.uncertainty().after());
        this.cues = new Phrases(Stream.of(
                        textCues.negation().before(),
                        textCues.negation().after(),
                        textCues.uncertainty().before(),
                        textCues.uncertainty().after(),
                        textCues.pseudo() == null ? List.<String>of() : textCues.pseudo())
                .flatMap(List::stream)
                .toList());
    }

    /** What {@code text} says about the name at {@code [start, end)}. */
    Verdict assess(String original, int start, int end) {
        String lower = original.toLowerCase(Locale.ROOT);
        String text = lower.length() == original.length() ? original : lower; // keep indexes aligned
        int from = clauseStart(lower, start);
        int to = clauseEnd(lower, end);
        Assertion found = Assertion.AFFIRMED;
        for (Hit hit : Phrases.longest(cues.find(lower, from, start))) {
            if (Phrases.words(lower, hit.end(), start) <= maxWords) {
                found = stronger(found, negationBefore, uncertaintyBefore, hit.phrase());
            }
        }
        for (Hit hit : Phrases.longest(cues.find(lower, end, to))) {
            if (Phrases.words(lower, end, hit.start()) <= maxWords) {
                found = stronger(found, negationAfter, uncertaintyAfter, hit.phrase());
            }
        }
        return found == Assertion.AFFIRMED
                ? Verdict.AFFIRMED
                : new Verdict(found, text.substring(from, to).strip());
    }

    /** What the text says about the words at {@code [start, end)}: affirmed unless a cue governs them. */
    Assertion assertion(String text, int start, int end) {
        return assess(text, start, end).assertion();
    }

    private static Assertion stronger(Assertion found, Set<String> negation, Set<String> uncertainty, String cue) {
        if (negation.contains(cue)) {
            return Assertion.NEGATED;
        }
        return uncertainty.contains(cue) && found == Assertion.AFFIRMED ? Assertion.UNCERTAIN : found;
    }

    private int clauseStart(String lower, int start) {
        int from = 0;
        for (int i = start - 1; i >= 0 && from == 0; i--) {
            if (endsClause(lower, i)) {
                from = i + 1;
            }
        }
        for (Hit word : clauseEndWords.find(lower, from, start)) {
            from = Math.max(from, word.end());
        }
        return from;
    }

    private int clauseEnd(String lower, int end) {
        int to = lower.length();
        for (int i = end; i < lower.length() && to == lower.length(); i++) {
            if (endsClause(lower, i)) {
                to = i;
            }
        }
        for (Hit word : clauseEndWords.find(lower, end, to)) {
            to = Math.min(to, word.start());
        }
        return to;
    }

    /** A clause-ending character; a full stop only at the end of a word that is no abbreviation. */
    private boolean endsClause(String lower, int i) {
        char c = lower.charAt(i);
        if (clauseEndChars.indexOf(c) < 0) {
            return false;
        }
        if (c != '.') {
            return true;
        }
        if (i + 1 < lower.length() && Phrases.isWordChar(lower.charAt(i + 1))) {
            return false; // a decimal point, or a dot inside "p.o." or "e.g."
        }
        int wordStart = i;
        while (wordStart > 0
                && (Phrases.isWordChar(lower.charAt(wordStart - 1)) || lower.charAt(wordStart - 1) == '.')) {
            wordStart--;
        }
        return !abbreviations.contains(lower.substring(wordStart, i));
    }

    private static Set<String> lower(List<String> cues) {
        Set<String> lower = new HashSet<>();
        cues.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /** The phrases of a list found in a text, each with what the text says about it (negated ones included). */
    List<Assertion> assertionsOf(Phrases phrases, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Assertion> assertions = new ArrayList<>();
        for (Hit hit : Phrases.longest(phrases.find(lower, 0, lower.length()))) {
            assertions.add(assertion(text, hit.start(), hit.end()));
        }
        return assertions;
    }
}
