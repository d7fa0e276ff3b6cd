package org.sarcomacds.facts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Which groups of terms occur in a lower-case text, found in one pass over the text however many groups and terms
 * there are (an Aho-Corasick automaton built once from the value sets' name terms). A term occurs when the text
 * contains it anywhere, as {@link String#contains} would say; word boundaries and negation are judged afterwards, only
 * for the groups found here.
 */
final class TermScanner {

    private static final int ROOT = 0;

    /** Per state: its outgoing characters, sorted, and the state each leads to. */
    private final int[][] edgeChars;

    private final int[][] edgeTargets;
    private final int[] failure;
    /** Per state: the groups whose terms end here, its own and those of its failure chain. */
    private final int[][] groupsEndingHere;

    private final Map<String, Integer> groupIndex = new HashMap<>();

    private TermScanner(Trie trie, List<String> groups) {
        int states = trie.chars.size();
        this.edgeChars = new int[states][];
        this.edgeTargets = new int[states][];
        for (int s = 0; s < states; s++) {
            edgeChars[s] = trie.chars.get(s);
            edgeTargets[s] = trie.targets.get(s);
        }
        this.failure = new int[states];
        this.groupsEndingHere = new int[states][];
        for (int s = 0; s < states; s++) {
            groupsEndingHere[s] =
                    trie.ends.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int g = 0; g < groups.size(); g++) {
            groupIndex.put(groups.get(g), g);
        }
        linkFailures();
    }

    /** An automaton over every term of every group (group name → its lower-case terms). */
    static TermScanner of(Map<String, List<String>> termsByGroup) {
        List<String> groups = new ArrayList<>(termsByGroup.keySet());
        Trie trie = new Trie();
        for (int g = 0; g < groups.size(); g++) {
            for (String term : termsByGroup.get(groups.get(g))) {
                if (!term.isEmpty()) {
                    trie.add(term, g);
                }
            }
        }
        return new TermScanner(trie, groups);
    }

    /** The groups any of whose terms occur in one of the lower-case texts. */
    Found scan(List<String> loweredTexts) {
        BitSet found = new BitSet(groupIndex.size());
        for (String text : loweredTexts) {
            int state = ROOT;
            for (int i = 0; i < text.length(); i++) {
                state = step(state, text.charAt(i));
                for (int group : groupsEndingHere[state]) {
                    found.set(group);
                }
            }
        }
        return new Found(this, found);
    }

    private int step(int state, int c) {
        int s = state;
        while (true) {
            int next = edge(s, c);
            if (next >= 0) {
                return next;
            }
            if (s == ROOT) {
                return ROOT;
            }
            s = failure[s];
        }
    }

    private int edge(int state, int c) {
        int at = Arrays.binarySearch(edgeChars[state], c);
        return at >= 0 ? edgeTargets[state][at] : -1;
    }

    /** Breadth first: a state's failure is the longest proper suffix of its path that is also a path. */
    private void linkFailures() {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int child : edgeTargets[ROOT]) {
            failure[child] = ROOT;
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            for (int i = 0; i < edgeChars[state].length; i++) {
                int child = edgeTargets[state][i];
                failure[child] = step(failure[state], edgeChars[state][i]);
                groupsEndingHere[child] = union(groupsEndingHere[child], groupsEndingHere[failure[child]]);
                queue.add(child);
            }
        }
    }

    private static int[] union(int[] own, int[] inherited) {
        if (inherited.length == 0) {
            return own;
        }
        return IntStream.concat(Arrays.stream(own), Arrays.stream(inherited))
                .distinct()
                .sorted()
                .toArray();
    }

    /** The groups one scan found. */
    record Found(TermScanner scanner, BitSet groups) {

        boolean contains(String group) {
            Integer index = scanner.groupIndex.get(group);
            return index != null && groups.get(index);
        }

        boolean isEmpty() {
            return groups.isEmpty();
        }
    }

    /** The automaton's states while it is built: per state its sorted edges and the groups ending there. */
    private static final class Trie {
        private final List<int[]> chars = new ArrayList<>(List.of(new int[0]));
        private final List<int[]> targets = new ArrayList<>(List.of(new int[0]));
        private final List<List<Integer>> ends = new ArrayList<>(List.of(new ArrayList<>()));

        void add(String term, int group) {
            int state = ROOT;
            for (int i = 0; i < term.length(); i++) {
                state = child(state, term.charAt(i));
            }
            if (!ends.get(state).contains(group)) {
                ends.get(state).add(group);
            }
        }

        private int child(int state, char c) {
            int[] cs = chars.get(state);
            int at = Arrays.binarySearch(cs, c);
            if (at >= 0) {
                return targets.get(state)[at];
            }
            int insert = -at - 1;
            int created = chars.size();
            chars.add(new int[0]);
            targets.add(new int[0]);
            ends.add(new ArrayList<>());
            chars.set(state, inserted(cs, insert, c));
            targets.set(state, inserted(targets.get(state), insert, created));
            return created;
        }

        private static int[] inserted(int[] array, int at, int value) {
            int[] result = new int[array.length + 1];
            System.arraycopy(array, 0, result, 0, at);
            result[at] = value;
            System.arraycopy(array, at, result, at + 1, array.length - at);
            return result;
        }
    }
}
