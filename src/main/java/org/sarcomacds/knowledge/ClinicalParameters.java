package org.sarcomacds.knowledge;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The thresholds and doses of {@code hooks/parameters.json}, each block with its source, and the overrides of a site
 * folder within the ranges of {@code hooks/parameter-limits.json}.
 */
public record ClinicalParameters(
        String description,
        Trabectedin trabectedin,
        Regorafenib regorafenib,
        HighDoseIfosfamide highDoseIfosfamide,
        Oligometastatic oligometastatic,
        Body body,
        Labs labs,
        PreDose preDose,
        Lvef lvef,
        Pregnancy pregnancy,
        Ecog ecog) {

    /** The built-in parameters. */
    public static ClinicalParameters load() {
        return load(SiteKnowledge.NONE);
    }

    /**
     * The built-in parameters with the site's overrides ({@code cds.knowledge.site-dir/parameters.json}), each within
     * the range {@code hooks/parameter-limits.json} declares for it.
     */
    public static ClinicalParameters load(SiteKnowledge site) {
        JsonNode builtIn = KnowledgeFiles.jsonFile("parameters.json").tree();
        ParameterLimits limits = ParameterLimits.load();
        ParameterOverrides.checkLimits(builtIn, limits);
        JsonNode parameters = site.parameters() == null
                ? builtIn
                : ParameterOverrides.apply(builtIn, limits, site.parameters()).parameters();
        return KnowledgeFiles.bind(parameters, ClinicalParameters.class);
    }

    /**
     * @param bilirubinModerateImpairmentFromUln moderate hepatic impairment is total bilirubin above this × ULN (label:
     *                                           "> 1.5 to 3 × ULN"); at it, the impairment is mild
     */
    public record Trabectedin(
            String source,
            double startingDoseMgPerM2,
            List<Double> doseReductionsMgPerM2,
            List<Double> moderateHepaticImpairmentDosesMgPerM2,
            double dexamethasoneMg,
            double bilirubinModerateImpairmentFromUln,
            double bilirubinDoNotGiveAboveUln,
            double astAltMaxUln,
            double alkalinePhosphataseMaxUln,
            double creatineKinaseMaxUln,
            double neutrophilsMinPerMicrolitre,
            double plateletsMinPerMicrolitre,
            double haemoglobinMinGramsPerDecilitre) {}

    /**
     * @param liverTestsValidDays             how recent bilirubin, AST and ALT must be before a regorafenib draft
     * @param bilirubinNotRecommendedAboveUln severe hepatic impairment: the label does not recommend regorafenib above
     */
    public record Regorafenib(
            String source,
            double doseMg,
            int daysOn,
            int cycleDays,
            int liverTestsValidDays,
            double bilirubinNotRecommendedAboveUln) {}

    public record HighDoseIfosfamide(String source, double minGramsPerM2PerCycle) {}

    public record Oligometastatic(String source, int maxLesions, int minDiseaseFreeIntervalMonths) {}

    /**
     * Height, weight and body surface area a dose may be calculated from.
     *
     * @param heightCm               plausible height
     * @param weightKg               plausible weight
     * @param bsaM2                  plausible body surface area
     * @param weightChangeMaxPercent the latest weight may differ from the one before by at most this
     * @param weightValidDays        the weight must be at most this old
     * @param heightValidDays        the height must be at most this old
     */
    public record Body(
            String source,
            Range heightCm,
            Range weightKg,
            Range bsaM2,
            double weightChangeMaxPercent,
            int weightValidDays,
            int heightValidDays) {}

    /** An inclusive range of plausible values. */
    public record Range(double min, double max) {

        public boolean contains(double value) {
            return value >= min && value <= max;
        }
    }

    public record Labs(String source, int recentDays) {}

    /**
     * How recent a result must be to judge a dose on it.
     *
     * @param resultValidDays counts and chemistry (ANC, platelets, haemoglobin, bilirubin, AST, ALT, ALP, CPK)
     * @param lvefValidDays   LVEF
     */
    public record PreDose(String source, int resultValidDays, int lvefValidDays) {}

    /** @param lowerLimitWithoutRangePercent an LVEF below this is low when the result gives no reference range */
    public record Lvef(String source, double lowerLimitWithoutRangePercent) {}

    /** @param lookbackDays a pregnant status or positive hCG within this many days counts */
    public record Pregnancy(String source, int lookbackDays) {}

    /**
     * @param validDays     an ECOG performance status at most this old describes the patient now
     * @param lineFromScore from this grade on, the next-line consult says the options assume a patient fit for systemic
     *                      therapy
     */
    public record Ecog(String source, int validDays, int lineFromScore) {}
}
