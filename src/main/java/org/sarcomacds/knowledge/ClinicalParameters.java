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
        BodySurfaceArea bodySurfaceArea,
        Labs labs) {

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

    public record Regorafenib(String source, double doseMg, int daysOn, int cycleDays) {}

    public record HighDoseIfosfamide(String source, double minGramsPerM2PerCycle) {}

    public record Oligometastatic(String source, int maxLesions, int minDiseaseFreeIntervalMonths) {}

    public record BodySurfaceArea(String source, int weightMaxAgeDays, int heightMaxAgeDays) {}

    public record Labs(String source, int recentDays) {}
}
