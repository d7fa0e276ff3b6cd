package org.sarcomacds.facts;

import java.util.List;
import java.util.stream.Stream;

/** Ids of the value sets in {@code hooks/valuesets/} that the Java logic refers to. */
public final class Concepts {

    public static final String LEIOMYOSARCOMA = "leiomyosarcoma-histology";
    public static final String GIST = "gist";
    public static final String SITE_PREFIX = "site-";
    public static final String SITE_BONE = "site-bone";
    public static final String METASTATIC_DISEASE = "metastatic-disease";
    public static final String METASTASIS_PREFIX = "metastasis-";
    public static final String METASTASIS_BONE = "metastasis-bone";
    public static final String METASTASIS_WIDESPREAD = "metastasis-widespread";

    public static final String DOXORUBICIN = "doxorubicin";
    public static final String IFOSFAMIDE = "ifosfamide";
    public static final String GEMCITABINE = "gemcitabine";
    public static final String DOCETAXEL = "docetaxel";
    public static final String PAZOPANIB = "pazopanib";
    public static final String TRABECTEDIN = "trabectedin";
    public static final String REGORAFENIB = "regorafenib";
    public static final String DACARBAZINE = "dacarbazine";
    public static final String ERIBULIN = "eribulin";
    public static final String DEXAMETHASONE = "dexamethasone";
    public static final String LAROTRECTINIB = "larotrectinib";
    public static final String ENTRECTINIB = "entrectinib";
    public static final String CHECKPOINT_INHIBITORS = "checkpoint-inhibitors";
    public static final String PARP_INHIBITORS = "parp-inhibitors";
    public static final String CYP3A_INHIBITORS = "strong-cyp3a-inhibitors";
    public static final String CYP3A_MODERATE_INHIBITORS = "moderate-cyp3a-inhibitors";
    public static final String CYP3A_INDUCERS = "strong-cyp3a-inducers";
    /** Doxorubicin (incl. liposomal), epirubicin, idarubicin, daunorubicin: never the ATC class L01DB. */
    public static final String ANTHRACYCLINES = "anthracyclines";

    public static final String ROUTE_SYSTEMIC = "route-systemic";

    public static final String HEIGHT = "obs-body-height";
    public static final String WEIGHT = "obs-body-weight";
    public static final String BODY_SURFACE_AREA = "obs-body-surface-area";
    public static final String BILIRUBIN = "obs-bilirubin-total";
    public static final String ALT = "obs-alt";
    public static final String AST = "obs-ast";
    public static final String ALKALINE_PHOSPHATASE = "obs-alkaline-phosphatase";
    public static final String CREATINE_KINASE = "obs-creatine-kinase";
    public static final String NEUTROPHILS = "obs-neutrophils";
    public static final String PLATELETS = "obs-platelets";
    public static final String HAEMOGLOBIN = "obs-haemoglobin";
    public static final String LVEF = "obs-lvef";
    public static final String GENETIC_VARIANT = "obs-genetic-variant";
    public static final String GENE_STUDIED = "component-gene-studied";
    public static final String DNA_CHANGE_TYPE = "component-dna-change-type";
    public static final String GENE_NTRK = "gene-ntrk";
    public static final String VARIANT_PRESENT = "variant-present";
    public static final String GENE_FUSION = "dna-change-gene-fusion";
    public static final String NTRK_FUSION = "ntrk-fusion";
    public static final String ECOG = "obs-ecog";
    public static final String ECOG_GRADES = "ecog-grades";
    public static final String PREGNANCY_STATUS = "obs-pregnancy-status";
    public static final String HCG = "obs-hcg";
    public static final String PREGNANT = "pregnancy-pregnant";
    public static final String NOT_PREGNANT = "pregnancy-not-pregnant";
    public static final String INTERPRETATION_POSITIVE = "interpretation-positive";
    public static final String INTERPRETATION_NEGATIVE = "interpretation-negative";

    /** The systemic therapies whose history the cards list, in the order a clinician reads a treatment history. */
    public static final List<String> SYSTEMIC_THERAPIES = List.of(
            DOXORUBICIN,
            IFOSFAMIDE,
            GEMCITABINE,
            DOCETAXEL,
            PAZOPANIB,
            TRABECTEDIN,
            REGORAFENIB,
            DACARBAZINE,
            ERIBULIN);

    /**
     * Every systemic anticancer therapy value set: a current exposure to one is a current line of therapy. The drugs
     * first, the anthracycline class (which shares doxorubicin's codes) last.
     */
    public static final List<String> SYSTEMIC_ANTICANCER_THERAPIES = Stream.concat(
                    SYSTEMIC_THERAPIES.stream(),
                    Stream.of(LAROTRECTINIB, ENTRECTINIB, CHECKPOINT_INHIBITORS, PARP_INHIBITORS, ANTHRACYCLINES))
            .toList();

    /** The CYP3A inhibitor and inducer value sets, each declaring its effect and strength. */
    public static final List<String> CYP3A_INTERACTING =
            List.of(CYP3A_INHIBITORS, CYP3A_MODERATE_INHIBITORS, CYP3A_INDUCERS);

    /** The results the trabectedin label checks before each dose ({@code preDose.resultValidDays}), LVEF apart. */
    public static final List<String> PRE_DOSE_RESULTS =
            List.of(BILIRUBIN, AST, ALT, ALKALINE_PHOSPHATASE, CREATINE_KINASE, NEUTROPHILS, PLATELETS, HAEMOGLOBIN);

    /** What says whether the patient is pregnant. */
    public static final List<String> PREGNANCY = List.of(PREGNANCY_STATUS, HCG);

    /** Every site-specific metastasis value set ({@code metastasis-*}). */
    public static final List<String> METASTASIS_SITES = List.of(
            "metastasis-bone-marrow",
            METASTASIS_BONE,
            "metastasis-liver",
            "metastasis-lung",
            "metastasis-peritoneum",
            METASTASIS_WIDESPREAD);

    /** The observations body surface area is calculated from. */
    public static final List<String> BODY_MEASUREMENTS = List.of(HEIGHT, WEIGHT, BODY_SURFACE_AREA);

    private Concepts() {}

    /** An observation value set ({@code obs-*}): a lab test or measurement, with its own prefetch key. */
    public static boolean isObservation(String valueSet) {
        return valueSet.startsWith("obs-");
    }
}
