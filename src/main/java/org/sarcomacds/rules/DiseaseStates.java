package org.sarcomacds.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sarcomacds.facts.Concepts;
import org.sarcomacds.facts.Ecog;
import org.sarcomacds.facts.Fact;
import org.sarcomacds.facts.PatientFacts;
import org.sarcomacds.knowledge.ClinicalParameters;

/**
 * The disease states several rules start from (metastatic LMS, after an anthracycline), and the evidence for each.
 * "Prior anthracycline" is any exposure to the anthracycline class (doxorubicin, epirubicin, idarubicin,
 * daunorubicin), never to mitoxantrone, pixantrone or valrubicin. Also what every option of the next-line consult says
 * before the options (an unconfirmed leiomyosarcoma or metastasis, the ECOG), and when an option may draft its orders.
 */
final class DiseaseStates {

    /** What an option reads to say whether it may draft orders: the current line of therapy. */
    static final List<String> CURRENT_LINE_READS = Concepts.SYSTEMIC_ANTICANCER_THERAPIES;

    private DiseaseStates() {}

    /** An active leiomyosarcoma and an active metastatic-disease Condition. */
    static boolean metastatic(PatientFacts facts) {
        return !facts.activeLeiomyosarcoma().isEmpty()
                && !facts.activeMetastases().isEmpty();
    }

    /** Metastatic leiomyosarcoma after an anthracycline: the starting point of the next-line recommendations. */
    static boolean metastaticAfterAnthracycline(PatientFacts facts) {
        return metastatic(facts) && !facts.anthracyclineExposures().isEmpty();
    }

    static List<Evidence> metastaticEvidence(PatientFacts facts) {
        List<Evidence> evidence = new ArrayList<>();
        facts.activeLeiomyosarcoma().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_LEIOMYOSARCOMA, f)));
        facts.activeMetastases().forEach(f -> evidence.add(new Evidence(Phrase.ROLE_METASTATIC_DISEASE, f)));
        return evidence;
    }

    /** The metastatic disease and the anthracyclines: prior ones, or the current line when one is still running. */
    static List<Evidence> anthracyclineEvidence(PatientFacts facts) {
        List<Evidence> evidence = metastaticEvidence(facts);
        facts.anthracyclineExposures()
                .forEach(f -> evidence.add(new Evidence(
                        f.current() ? Phrase.ROLE_CURRENT_SYSTEMIC_THERAPY : Phrase.ROLE_PRIOR_ANTHRACYCLINE, f)));
        return evidence;
    }

    /** The leiomyosarcoma Condition the drafted orders treat: the first active one. */
    static Optional<String> treatedCondition(PatientFacts facts) {
        return facts.activeLeiomyosarcoma().stream().map(Fact::reference).findFirst();
    }

    /**
     * What every option passes to the consult: before the options, that a metastasis is not confirmed (instead of a
     * note of each option) and an ECOG at or above {@code ecog.lineFromScore} or none recent; under "Why this card",
     * the latest ECOG. The option must observe {@link Concepts#ECOG}.
     */
    static Finding forConsult(Finding finding, PatientFacts facts, ClinicalParameters.Ecog ecog) {
        Finding result = withUnconfirmed(
                withUnconfirmed(finding, facts.activeLeiomyosarcoma(), Consult.LEIOMYOSARCOMA_UNCONFIRMED),
                facts.activeMetastases(),
                Consult.METASTASIS_UNCONFIRMED);
        Optional<Ecog> latest = facts.latestEcog();
        if (latest.isEmpty()) {
            return result.withTopLine(facts.unreadableEcog()
                    .map(unread -> Consult.ECOG_NOT_READABLE.with("reference", unread.reference()))
                    .orElseGet(() -> Consult.ECOG_NOT_RECORDED.with("days", String.valueOf(ecog.validDays()))));
        }
        Ecog e = latest.get();
        String score = String.valueOf(e.score());
        String date = e.date().toString();
        result = result.withEvidence(List.of(new Evidence(
                Phrase.ROLE_ECOG,
                new Fact(Concepts.ECOG, score, e.reference(), date, true, "", e.matchedOn(), false))));
        if (!e.recent()) {
            return result.withTopLine(
                    Consult.ECOG_STALE.with("days", String.valueOf(ecog.validDays()), "score", score, "date", date));
        }
        return e.score() >= ecog.lineFromScore()
                ? result.withTopLine(Consult.ECOG_POOR.with("score", score, "date", date))
                : result;
    }

    /**
     * The current line of therapy that keeps next-line orders from being drafted: the current systemic anticancer
     * therapies on which no progression is recorded. The option must read {@link #CURRENT_LINE_READS}.
     */
    static List<Fact> currentLine(PatientFacts facts) {
        return facts.currentSystemicTherapy().stream()
                .filter(f -> !facts.progressionRecorded(f))
                .toList();
    }

    /**
     * True when a next-line option may draft its orders: no line of therapy is current (or progression on it is
     * recorded), and every active leiomyosarcoma and every active metastasis is confirmed.
     */
    static boolean mayDraft(PatientFacts facts) {
        return currentLine(facts).isEmpty()
                && facts.activeLeiomyosarcoma().stream().noneMatch(Fact::unconfirmed)
                && facts.activeMetastases().stream().noneMatch(Fact::unconfirmed);
    }

    /**
     * An option that drafts orders says once, before the options, that none is drafted while a line of therapy is
     * current, and shows that line under "Why this card". (An unconfirmed metastasis has its own line.)
     */
    static Finding withCurrentLine(Finding finding, PatientFacts facts) {
        List<Fact> line = currentLine(facts);
        if (line.isEmpty()) {
            return finding;
        }
        List<Object> therapies = line.stream()
                .<Object>map(f -> f.start() == null
                        ? Consult.CURRENT_THERAPY_UNDATED.with("drug", f.display())
                        : Consult.CURRENT_THERAPY.with(
                                "drug", f.display(), "since", f.start().toString()))
                .distinct()
                .toList();
        return finding.withTopLine(Consult.CURRENT_LINE.with("therapies", new Text.Inline(therapies)))
                .withEvidence(line.stream()
                        .map(f -> new Evidence(Phrase.ROLE_CURRENT_SYSTEMIC_THERAPY, f))
                        .toList());
    }

    /**
     * An option finding of a patient whose leiomyosarcoma or metastasis is not confirmed says so once, before the
     * options, instead of in a note of each option.
     */
    private static Finding withUnconfirmed(Finding finding, List<Fact> diagnoses, Variant line) {
        Finding result = finding;
        for (Fact diagnosis : diagnoses) {
            if (diagnosis.unconfirmed()) {
                result = result.withTopLine(line.with("status", diagnosis.note(), "reference", diagnosis.reference()))
                        .withNotes(result.notes().stream()
                                .filter(note -> !note.key().equals(Phrase.NOTE_UNCONFIRMED.key())
                                        || !diagnosis
                                                .reference()
                                                .equals(note.values().get("reference")))
                                .toList());
            }
        }
        return result;
    }
}
