package org.sarcomacds.rules;

import java.util.List;
import java.util.Locale;

/**
 * The short reusable words of every card, kept in {@code hooks/cards/_phrases.json} under {@link #key()}: what a fact
 * was to a rule ("Prior anthracycline"), the name of a lab test, the notes on uncertain or missing data, how a result
 * reads, and the headings and buttons every card has. Start-up checks that the file has words for each, with no
 * placeholder other than those declared here, and nothing else.
 */
public enum Phrase {
    ROLE_LEIOMYOSARCOMA,
    ROLE_METASTATIC_DISEASE,
    ROLE_PRIOR_ANTHRACYCLINE,
    ROLE_PRIOR_PAZOPANIB,
    ROLE_PRIOR_IFOSFAMIDE,
    ROLE_PRIOR_DOCETAXEL,
    ROLE_NTRK_RESULT,
    ROLE_NTRK_FUSION,
    ROLE_BONE_METASTASIS,
    ROLE_PRIMARY_SITE_BONE,
    ROLE_CURRENT_TRABECTEDIN,
    ROLE_CURRENT_MEDICATION,
    ROLE_PLANNED_MEDICATION,
    ROLE_DRAFT_ORDER,
    ROLE_STRONG_CYP3A_INHIBITOR,
    ROLE_STRONG_CYP3A_INDUCER,
    ROLE_MODERATE_CYP3A_INHIBITOR,
    ROLE_MODERATE_CYP3A_INDUCER,
    ROLE_TRABECTEDIN_STOPPED,
    ROLE_DISEASE_FREE_FROM,
    ROLE_ECOG,
    ROLE_CURRENT_SYSTEMIC_THERAPY,
    ANALYTE_BILIRUBIN,
    ANALYTE_AST,
    ANALYTE_ALT,
    ANALYTE_ALP,
    ANALYTE_CPK,
    ANALYTE_ANC,
    ANALYTE_PLATELETS,
    ANALYTE_HAEMOGLOBIN,
    ANALYTE_LVEF,
    NOTE_BY_NAME("role", "matchedOn", "reference"),
    NOTE_UNCONFIRMED("role", "status", "reference"),
    NOTE_NO_CLINICAL_STATUS("reference"),
    NOTE_GAP("gap"),
    NOTE_ROUTE_NOT_RECORDED("drug", "reference"),
    LAB_RESULT("name", "value", "unit", "uln", "date", "age", "reference"),
    LAB_TIMES_ULN("times"),
    LAB_NO_RANGE,
    LAB_UNDATED,
    LAB_OLDER_THAN("days"),
    LAB_RANGE_WITHOUT_UNIT,
    LAB_RANGE_OTHER_UNIT,
    LAB_MISSING("name"),
    LAB_DATED("name", "date"),
    LAB_NOT_JUDGED_NO_RANGE("name"),
    LAB_NOT_JUDGED_WITHOUT_UNIT("name"),
    LAB_NOT_JUDGED_OTHER_UNIT("name"),
    LAB_NOT_JUDGED_NONE_APPLIES("name"),
    LAB_NOT_JUDGED_RANGES_DISAGREE("name"),
    LAB_NOT_JUDGED_IMPLAUSIBLE("name", "value"),
    LAB_NOT_JUDGED_CENSORED("name", "value"),
    LAB_NONE_APPLIES,
    LAB_RANGES_DISAGREE,
    LAB_IMPLAUSIBLE,
    LAB_CENSORED,
    LAB_FUTURE,
    LAB_FUTURE_DATED("date"),
    NONE_RECORDED,
    CARD_WHY,
    CARD_NOTE("note"),
    CARD_RULE("rule"),
    CARD_RULE_WITH_CAVEATS("rule", "caveats"),
    CARD_SOURCES,
    CONSULT_RULE("rule", "options"),
    CONSULT_RULE_WITH_CAVEATS("rule", "options", "caveats"),
    CONSULT_OPTION("rank", "label", "lines"),
    CONSULT_SOURCE("source", "options"),
    SUGGESTION_REMOVE("drug"),
    ACTION_DELETE("drug"),
    ACTION_CREATE("medication"),
    LINK_EVIDENCE("title"),
    EVIDENCE_TITLE("title"),
    EVIDENCE_RULE("rule"),
    EVIDENCE_SOURCE_STATEMENT,
    EVIDENCE_EVIDENCE,
    EVIDENCE_CITATIONS,
    EVIDENCE_DOCUMENTS,
    EVIDENCE_NO_PATIENT_DATA,
    FACT_DOSE_PER_CYCLE("grams"),
    BODY_MISSING_HEIGHT,
    BODY_MISSING_WEIGHT,
    BODY_UNIT_NOT_READ("measure"),
    BODY_IMPLAUSIBLE("measure", "value", "unit"),
    BODY_IMPLAUSIBLE_BSA("value"),
    BODY_WEIGHT_CHANGE("percent", "since"),
    BODY_STALE("measure", "date", "days"),
    BODY_FUTURE("measure", "date"),
    BODY_UNDATED,
    MEASURE_HEIGHT,
    MEASURE_WEIGHT,
    FACT_MATCHED("how"),
    CYP3A_STRONG,
    CYP3A_MODERATE;

    private final List<String> placeholders;

    Phrase(String... placeholders) {
        this.placeholders = List.of(placeholders);
    }

    /** The key in {@code _phrases.json}: {@code ROLE_PRIOR_ANTHRACYCLINE} is {@code role.prior-anthracycline}. */
    public String key() {
        String name = name().toLowerCase(Locale.ROOT);
        int group = name.indexOf('_');
        return name.substring(0, group) + "." + name.substring(group + 1).replace('_', '-');
    }

    public List<String> placeholders() {
        return placeholders;
    }

    /** The phrase with its values; every placeholder needs exactly one. */
    public Text with(Object... namesAndValues) {
        return Text.of(key(), placeholders, namesAndValues);
    }

    public Text text() {
        return with();
    }
}
