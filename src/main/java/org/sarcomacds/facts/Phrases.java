package org.sarcomacds.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A list of cue phrases found by whole word in lower-case text ({@code hooks/text-cues.json}): letters, digits,
 * hyphens, slashes and apostrophes belong to a word; a phrase ending in {@code *} matches any word starting with it; a
 * phrase of punctuation only matches wherever it stands.
 */
final class Phrases {

    private final List<String> phrases;
    private final List<Cue> cues;

    Phrases(Collection<String> cues) {
        this.phrases =
                cues.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
        this.cues = phrases.stream().map(Cue::of).toList();
    }

    /** Every occurrence of every phrase in {@code lower[from, to)}, overlapping ones included. */
    List<Hit> find(String lower, int from, int to) {
        List<Hit> hits = new ArrayList<>();
        for (Cue cue : cues) {
            for (int at = next(lower, cue, from, to); at >= 0; at = next(lower, cue, at + 1, to)) {
                int end = at + cue.text().length();
                hits.add(new Hit(at, cue.prefix() ? wordEnd(lower, end, to) : end, cue.phrase()));
            }
        }
        return hits;
    }

    /** The hits that do not overlap a longer one: "not ruled out" hides "ruled out" and "not". */
    static List<Hit> longest(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingInt((Hit h) -> h.end() - h.start())
                .reversed()
                .thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : sorted) {
            if (kept.stream().noneMatch(k -> k.start() < hit.end() && hit.start() < k.end())) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    /** True when the phrase (lower case, as listed) is one of these. */
    boolean has(String phrase) {
        return phrases.contains(phrase);
    }

    /** True when any phrase stands in the text (checked by whole word); stops at the first. */
    boolean in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Cue cue : cues) {
            if (next(lower, cue, 0, lower.length()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The first place at or after {@code from} where the cue stands as a word within {@code lower[.., to)}, or -1. */
    private static int next(String lower, Cue cue, int from, int to) {
        String text = cue.text();
        for (int at = lower.indexOf(text, from);
                at >= 0 && at + text.length() <= to;
                at = lower.indexOf(text, at + 1)) {
            if (cue.standsAt(lower, at)) {
                return at;
            }
        }
        return -1;
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '/' || c == '\'';
    }

    /** The number of words in {@code lower[from, to)}. */
    static int words(String lower, int from, int to) {
        int count = 0;
        boolean inWord = false;
        for (int i = Math.max(0, from); i < Math.min(to, lower.length()); i++) {
            boolean word = isWordChar(lower.charAt(i));
            if (word && !inWord) {
                count++;
            }
            inWord = word;
        }
        return count;
    }

    private static boolean startsWord(String lower, int at, String text) {
        return !isWordChar(text.charAt(0)) || at == 0 || !isWordChar(lower.charAt(at - 1));
    }

    private static boolean endsWord(String lower, int end, String text) {
        return !isWordChar(text.charAt(text.length() - 1)) || end == lower.length() || !isWordChar(lower.charAt(end));
    }

    private static int wordEnd(String lower, int from, int to) {
        int end = from;
        while (end < to && isWordChar(lower.charAt(end))) {
            end++;
        }
        return end;
    }

    /** A phrase as listed, the text to look for, and whether it matches any word starting with that text ({@code *}). */
    private record Cue(String phrase, String text, boolean prefix) {

        static Cue of(String phrase) {
            boolean prefix = phrase.length() > 1 && phrase.endsWith("*");
            return new Cue(phrase, prefix ? phrase.substring(0, phrase.length() - 1) : phrase, prefix);
        }

        /** True when the text found at {@code at} is a whole word (or the start of one, for a prefix). */
        boolean standsAt(String lower, int at) {
            return startsWord(lower, at, text) && (prefix || endsWord(lower, at + text.length(), text));
        }
    }

    /** One occurrence: {@code [start, end)} of the lower-case text, and the phrase that matched. */
    record Hit(int start, int end, String phrase) {}
}
