package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ValueSet;
import org.sarcomacds.facts.NegationDetector.Assertion;
import org.sarcomacds.facts.NegationDetector.Verdict;
import org.sarcomacds.knowledge.DisjointValueSets;
import org.sarcomacds.knowledge.InvalidKnowledgeException;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.sarcomacds.knowledge.SiteKnowledge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The value sets of {@code hooks/valuesets/}, with the codes a site adds ({@code cds.knowledge.site-dir/valuesets/}),
 * turned once into hash lookups: (system, code) to value set ids, and the name terms used as a last resort when a
 * record carries no code we know. A match on a site's code names the site file, so the card says where it came from.
 * A name counts only where the free text around it does not negate it ({@code hooks/text-cues.json}); a name the text
 * doubts ("?leiomyosarcoma") is a match marked uncertain. A value set may also say how each answer code scores (FHIR
 * {@code ordinalValue}, ECOG grades) and how its drugs change CYP3A activity.
 */
@Component
public class Terminology {

    static final String TEXT_MATCH = "https://sarcomacds.org/fhir/StructureDefinition/text-match";

    /**
     * More words that name a value set's concept, read only beside a code: whether a clinician's text negates or
     * doubts what the code says ("Possible lung metastases" beside 94391008). Never matched alone.
     */
    static final String TEXT_NAME_BESIDE_CODE = "https://sarcomacds.org/fhir/StructureDefinition/text-name-beside-code";

    static final String ORIGIN_SEPARATOR = "\u0000";

    /** FHIR R4's extension for the score of an answer code, on {@code ValueSet.compose.include.concept}. */
    static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    static final String CYP3A_EFFECT = "https://sarcomacds.org/fhir/StructureDefinition/cyp3a-effect";
    static final String CYP3A_STRENGTH = "https://sarcomacds.org/fhir/StructureDefinition/cyp3a-strength";

    private final Map<String, Set<String>> byCode = new HashMap<>();
    /** (key, value set) → the site file that added the code to that value set; only codes hooks/ does not have. */
    private final Map<String, String> siteOrigin = new HashMap<>();

    private final Set<String> valueSetIds = new LinkedHashSet<>();
    private final Map<String, Pattern> textTerms = new HashMap<>();
    /** The lower-case terms behind each pattern: a text without one of them cannot match, so no regex runs on it. */
    private final Map<String, List<String>> textTermWords = new HashMap<>();
    /** The text-match terms and the words of {@code text-name-beside-code}: how a text beside a code names it. */
    private final Map<String, Pattern> namesBesideCode = new HashMap<>();

    private final Map<String, List<String>> nameWordsBesideCode = new HashMap<>();
    /** (key, value set) → the score its answer code stands for. */
    private final Map<String, Integer> ordinals = new HashMap<>();

    private final Map<String, Cyp3a> cyp3a = new HashMap<>();
    private final FreeText freeText;
    /** Every value set's name terms in one automaton: which value sets a text may name, in one pass over it. */
    private final TermScanner termScanner;

    private final Map<String, String> systemNames = Map.of(
            "http://snomed.info/sct", "SNOMED CT",
            "http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM",
            "http://terminology.hl7.org/CodeSystem/icd-o-3", "ICD-O-3",
            "http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm",
            "http://www.whocc.no/atc", "ATC",
            "http://loinc.org", "LOINC");

    @Autowired
    Terminology(FhirContext fhir, SiteKnowledge site) {
        this(fhir, KnowledgeFiles.jsonFiles("valuesets"), site.valueSets(), DisjointValueSets.load(), FreeText.load());
    }

    /** The built-in value sets only. */
    Terminology(FhirContext fhir) {
        this(fhir, SiteKnowledge.NONE);
    }

    Terminology(FhirContext fhir, List<KnowledgeFile> files) {
        this(fhir, files, List.of(), new DisjointValueSets(null, List.of()), FreeText.load());
    }

    Terminology(
            FhirContext fhir,
            List<KnowledgeFile> builtIn,
            List<KnowledgeFile> site,
            DisjointValueSets disjoint,
            FreeText freeText) {
        this.freeText = freeText;
        for (KnowledgeFile file : builtIn) {
            ValueSet valueSet = fhir.newJsonParser().parseResource(ValueSet.class, file.text());
            String id = valueSet.getIdElement().getIdPart();
            valueSetIds.add(id);
            addCodes(valueSet, id, null);
            addTextTerms(valueSet, id);
            addCyp3a(valueSet, id, file);
        }
        for (KnowledgeFile file : site) {
            ValueSet valueSet = SiteValueSets.parse(fhir, file, valueSetIds);
            addCodes(valueSet, valueSet.getIdElement().getIdPart(), file.name());
        }
        SiteValueSets.checkDisjoint(disjoint, valueSetIds, byCode, siteOrigin);
        termScanner = TermScanner.of(textTermWords);
    }

    private void addCodes(ValueSet valueSet, String id, String siteFile) {
        for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
            for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                String key = key(include.getSystem(), concept.getCode());
                boolean added =
                        byCode.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(id);
                if (added && siteFile != null) {
                    siteOrigin.put(key + ORIGIN_SEPARATOR + id, siteFile);
                }
                Extension ordinal = concept.getExtensionByUrl(ORDINAL);
                if (siteFile == null && ordinal != null && ordinal.getValue() != null) {
                    ordinals.put(key + ORIGIN_SEPARATOR + id, (int)
                            Double.parseDouble(ordinal.getValue().primitiveValue()));
                }
            }
        }
    }

    /** The name terms of a value set; then the same with its words beside a code ({@code text-name-beside-code}). */
    private void addTextTerms(ValueSet valueSet, String id) {
        List<String> words = new ArrayList<>();
        addWords(valueSet, TEXT_MATCH, words);
        if (!words.isEmpty()) {
            textTerms.put(id, pattern(words));
            textTermWords.put(id, List.copyOf(words));
        }
        addWords(valueSet, TEXT_NAME_BESIDE_CODE, words);
        if (!words.isEmpty()) {
            namesBesideCode.put(id, pattern(words));
            nameWordsBesideCode.put(id, List.copyOf(words));
        }
    }

    private static void addWords(ValueSet valueSet, String url, List<String> words) {
        for (Extension extension : valueSet.getExtensionsByUrl(url)) {
            words.add(extension.getValue().primitiveValue().toLowerCase(Locale.ROOT));
        }
    }

    /** Any of the words (lower case), each quoted, at the start of a word. */
    private static Pattern pattern(List<String> words) {
        List<String> terms = new ArrayList<>(words.size());
        for (String word : words) {
            terms.add(Pattern.quote(word));
        }
        return Pattern.compile("\\b(" + String.join("|", terms) + ")", Pattern.CASE_INSENSITIVE);
    }

    /** A CYP3A value set declares both its effect and its strength, with codes this service knows. */
    private void addCyp3a(ValueSet valueSet, String id, KnowledgeFile file) {
        Extension effect = valueSet.getExtensionByUrl(CYP3A_EFFECT);
        Extension strength = valueSet.getExtensionByUrl(CYP3A_STRENGTH);
        if (effect == null && strength == null) {
            return;
        }
        try {
            cyp3a.put(
                    id,
                    new Cyp3a(
                            Cyp3a.Effect.valueOf(
                                    effect.getValue().primitiveValue().toUpperCase(Locale.ROOT)),
                            Cyp3a.Strength.valueOf(
                                    strength.getValue().primitiveValue().toUpperCase(Locale.ROOT))));
        } catch (RuntimeException e) {
            throw new InvalidKnowledgeException(file.where() + " must declare both cyp3a-effect (inhibitor or"
                    + " inducer) and cyp3a-strength (strong or moderate).");
        }
    }

    /** The text cues: negation, stop reasons, routes, result words. */
    FreeText freeText() {
        return freeText;
    }

    /** How the drugs of a value set change CYP3A activity, when it says so. */
    Optional<Cyp3a> cyp3a(String valueSet) {
        return Optional.ofNullable(cyp3a.get(valueSet));
    }

    /** The score the concept's code stands for in an answer value set ({@code ordinalValue}), e.g. ECOG 3. */
    OptionalInt ordinal(CodeableConcept concept, String valueSet) {
        for (Coding coding : concept.getCoding()) {
            Integer score = ordinals.get(key(coding.getSystem(), coding.getCode()) + ORIGIN_SEPARATOR + valueSet);
            if (score != null) {
                return OptionalInt.of(score);
            }
        }
        return OptionalInt.empty();
    }

    /** The value sets a code belongs to (built-in and site codes). */
    Set<String> valueSetsOf(String system, String code) {
        return byCode.getOrDefault(key(system, code), Set.of());
    }

    /** The ids of the value sets of {@code hooks/valuesets/}. */
    public Set<String> valueSetIds() {
        return Set.copyOf(valueSetIds);
    }

    /** Every value set the concept belongs to: by code first; by name only for value sets no code matched. */
    public List<ConceptMatch> match(CodeableConcept concept) {
        // Plain loops, no streams: this runs for every coding and name of every resource of every call.
        List<ConceptMatch> matches = new ArrayList<>();
        if (concept == null) {
            return matches;
        }
        for (Coding coding : concept.getCoding()) {
            String key = key(coding.getSystem(), coding.getCode());
            for (String valueSet : byCode.getOrDefault(key, Set.of())) {
                if (!contains(matches, valueSet)) {
                    matches.add(new ConceptMatch(valueSet, describe(coding, key, valueSet), false));
                }
            }
        }
        List<String> texts = texts(concept);
        if (texts.isEmpty()) {
            return matches;
        }
        List<String> lowered = new ArrayList<>(texts.size());
        for (String text : texts) {
            lowered.add(text.toLowerCase(Locale.ROOT));
        }
        TermScanner.Found named = termScanner.scan(lowered);
        if (named.isEmpty()) {
            return matches; // most texts name nothing we know: no value set's terms need a closer look
        }
        for (Map.Entry<String, Pattern> terms : textTerms.entrySet()) {
            String valueSet = terms.getKey();
            if (named.contains(valueSet) && !contains(matches, valueSet)) {
                NameMatch name = textMatch(texts, lowered, textTermWords.get(valueSet), terms.getValue());
                if (name != null) {
                    matches.add(new ConceptMatch(valueSet, "the name \"" + name.term() + "\"", true, name.doubt()));
                }
            }
        }
        return matches;
    }

    private static boolean contains(List<ConceptMatch> matches, String valueSet) {
        for (ConceptMatch match : matches) {
            if (match.valueSet().equals(valueSet)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(CodeableConcept concept) {
        List<String> texts = new ArrayList<>();
        if (concept.hasText()) {
            texts.add(concept.getText());
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.hasDisplay()) {
                texts.add(coding.getDisplay());
            }
        }
        return texts;
    }

    /**
     * The term of the value set a text names and does not negate: an affirmed occurrence if there is one, else a
     * doubted one (with the clause that doubts it); null when every occurrence is negated or there is none.
     */
    private NameMatch textMatch(List<String> texts, List<String> lowered, List<String> words, Pattern pattern) {
        Names names = names(texts, lowered, words, pattern);
        if (names.affirmed() != null) {
            return new NameMatch(names.affirmed(), null);
        }
        return names.doubted() == null
                ? null
                : new NameMatch(names.doubted().term(), names.doubted().clause());
    }

    /**
     * What a clinician's texts say of the concept a code matched ({@code Condition.code.text}, not the code's display:
     * that is the code's own name): affirmed when they name it affirmed once or do not name it at all (in its
     * text-match terms or {@code text-name-beside-code} words); else negated when one occurrence is negated ("no
     * evidence of metastatic disease": the record conflicts), else uncertain ("? pulmonary metastases"), with the
     * clause that decided.
     */
    Verdict besideCode(String valueSet, List<String> texts) {
        Pattern pattern = namesBesideCode.get(valueSet);
        if (pattern == null || texts.isEmpty()) {
            return Verdict.AFFIRMED;
        }
        List<String> lowered = new ArrayList<>(texts.size());
        for (String text : texts) {
            lowered.add(text.toLowerCase(Locale.ROOT));
        }
        Names names = names(texts, lowered, nameWordsBesideCode.get(valueSet), pattern);
        if (names.affirmed() != null) {
            return Verdict.AFFIRMED;
        }
        if (names.negated() != null) {
            return new Verdict(Assertion.NEGATED, names.negated().clause());
        }
        return names.doubted() == null
                ? Verdict.AFFIRMED
                : new Verdict(Assertion.UNCERTAIN, names.doubted().clause());
    }

    /** The first affirmed, doubted and negated occurrence of the value set's terms in the texts (each may be null). */
    private Names names(List<String> texts, List<String> lowered, List<String> words, Pattern pattern) {
        Said doubted = null;
        Said negated = null;
        for (int i = 0; i < texts.size(); i++) {
            if (!containsAny(lowered.get(i), words)) {
                continue; // the pattern needs one of the words: skip the regex (most texts name no drug we know)
            }
            String text = texts.get(i);
            var matcher = pattern.matcher(text);
            while (matcher.find()) {
                int end = matcher.end(1);
                while (end < text.length() && Phrases.isWordChar(text.charAt(end))) {
                    end++; // the whole word: "leiomyosarcomas"
                }
                Verdict verdict = freeText.negation().assess(text, matcher.start(1), end);
                if (verdict.assertion() == Assertion.AFFIRMED) {
                    return new Names(matcher.group(1), doubted, negated);
                }
                if (verdict.assertion() == Assertion.UNCERTAIN && doubted == null) {
                    doubted = new Said(matcher.group(1), verdict.clause());
                }
                if (verdict.assertion() == Assertion.NEGATED && negated == null) {
                    negated = new Said(matcher.group(1), verdict.clause());
                }
            }
        }
        return new Names(null, doubted, negated);
    }

    /** A name found in free text, and the clause that doubts it (null when the text affirms it). */
    private record NameMatch(String term, String doubt) {}

    /** A term as the text writes it, and the clause that negates or doubts it. */
    private record Said(String term, String clause) {}

    /** The first affirmed term (or null), and the first doubted and negated occurrences (or null). */
    private record Names(String affirmed, Said doubted, Said negated) {}

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** "RxNorm 714438", or for a code a site file added: "urn:oid:… 123 from site file valuesets/local.json". */
    private String describe(Coding coding, String key, String valueSet) {
        String code = systemNames.getOrDefault(coding.getSystem(), coding.getSystem()) + " " + coding.getCode();
        if (siteOrigin.isEmpty()) {
            return code;
        }
        String siteFile = siteOrigin.get(key + ORIGIN_SEPARATOR + valueSet);
        return siteFile == null ? code : code + " from site file " + siteFile;
    }

    static String key(String system, String code) {
        return system + "|" + code;
    }

    /**
     * One value set a concept belongs to.
     *
     * @param matchedOn what matched, e.g. "ICD-O-3 8890/3" or "the name \"doxorubicin\""
     * @param byName    true when only a name matched: the card says so
     * @param doubt     for a name the free text doubts, the clause that doubts it (e.g. "?leiomyosarcoma"); else null
     */
    public record ConceptMatch(String valueSet, String matchedOn, boolean byName, String doubt) {

        public ConceptMatch(String valueSet, String matchedOn, boolean byName) {
            this(valueSet, matchedOn, byName, null);
        }

        /** True when the name was found only where the free text doubts it. */
        public boolean uncertain() {
            return doubt != null;
        }
    }
}
