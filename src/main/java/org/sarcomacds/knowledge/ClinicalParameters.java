package org.sarcomacds.knowledge;

import java.util.List;

/** The thresholds and doses of {@code hooks/parameters.json}, each block with its source. */
public record ClinicalParameters(
        String description,
        Trabectedin trabectedin,
        Regorafenib regorafenib,
        HighDoseIfosfamide highDoseIfosfamide,
        Oligometastatic oligometastatic,
        BodySurfaceArea bodySurfaceArea,
        Labs labs) {

    public static ClinicalParameters load() {
        return KnowledgeFiles.jsonFile("parameters.json").as(ClinicalParameters.class);
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
