package org.sarcomacds.facts;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ValueSet;
import org.sarcomacds.knowledge.KnowledgeFiles;
import org.sarcomacds.knowledge.KnowledgeFiles.KnowledgeFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The value sets of {@code hooks/valuesets/}, turned once into hash lookups: (system, code) to value set ids, and
 * the name terms used as a last resort when a record carries no code we know.
 */
@Component
public class Terminology {

    static final String TEXT_MATCH = "https://sarcomacds.org/fhir/StructureDefinition/text-match";

    private final Set<String> valueSetIds = new LinkedHashSet<>();
    private final Map<String, Set<String>> byCode = new HashMap<>();
    private final Map<String, Pattern> textTerms = new HashMap<>();
    /** The lower-case terms behind each pattern: a text without one of them cannot match, so no regex runs on it. */
    private final Map<String, List<String>> textTermWords = new HashMap<>();

    private final Map<String, String> systemNames = Map.of(
            "http://snomed.info/sct", "SNOMED CT",
            "http://hl7.org/fhir/sid/icd-10-cm", "ICD-10-CM",
            "http://terminology.hl7.org/CodeSystem/icd-o-3", "ICD-O-3",
            "http://www.nlm.nih.gov/research/umls/rxnorm", "RxNorm",
            "http://www.whocc.no/atc", "ATC",
            "http://loinc.org", "LOINC");

    @Autowired
    Terminology(FhirContext fhir) {
        this(fhir, KnowledgeFiles.jsonFiles("valuesets"));
    }

    Terminology(FhirContext fhir, List<KnowledgeFile> files) {
        for (KnowledgeFile file : files) {
            ValueSet valueSet = fhir.newJsonParser().parseResource(ValueSet.class, file.text());
            String id = valueSet.getIdElement().getIdPart();
            valueSetIds.add(id);
            for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
                for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
                    byCode.computeIfAbsent(key(include.getSystem(), concept.getCode()), k -> new LinkedHashSet<>())
                            .add(id);
                }
            }
            List<String> terms = new ArrayList<>();
            List<String> words = new ArrayList<>();
            for (Extension extension : valueSet.getExtensionsByUrl(TEXT_MATCH)) {
                String word = extension.getValue().primitiveValue().toLowerCase(Locale.ROOT);
                terms.add(Pattern.quote(word));
                words.add(word);
            }
            if (!terms.isEmpty()) {
                textTerms.put(id, Pattern.compile("\\b(" + String.join("|", terms) + ")", Pattern.CASE_INSENSITIVE));
                textTermWords.put(id, List.copyOf(words));
            }
        }
    }

    /** The ids of every value set loaded. */
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
            for (String valueSet : byCode.getOrDefault(key(coding.getSystem(), coding.getCode()), Set.of())) {
                if (!contains(matches, valueSet)) {
                    matches.add(new ConceptMatch(valueSet, describe(coding), false));
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
        for (Map.Entry<String, Pattern> terms : textTerms.entrySet()) {
            String valueSet = terms.getKey();
            if (!contains(matches, valueSet)) {
                String term = textMatch(texts, lowered, textTermWords.get(valueSet), terms.getValue());
                if (term != null) {
                    matches.add(new ConceptMatch(valueSet, "the name \"" + term + "\"", true));
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

    /** The term of the value set a text names, or null. */
    private static String textMatch(List<String> texts, List<String> lowered, List<String> words, Pattern pattern) {
        for (int i = 0; i < texts.size(); i++) {
            if (!containsAny(lowered.get(i), words)) {
                continue; // the pattern needs one of the words: skip the regex (most texts name no drug we know)
            }
            var matcher = pattern.matcher(texts.get(i));
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private String describe(Coding coding) {
        return systemNames.getOrDefault(coding.getSystem(), coding.getSystem()) + " " + coding.getCode();
    }

    private static String key(String system, String code) {
        return system + "|" + code;
    }

    /**
     * One value set a concept belongs to.
     *
     * @param matchedOn what matched, e.g. "ICD-O-3 8890/3" or "the name \"doxorubicin\""
     * @param byName    true when only a name matched: the card says so
     */
    public record ConceptMatch(String valueSet, String matchedOn, boolean byName) {}
}
