package org.sarcomacds.facts;

/** Ids of the value sets in {@code hooks/valuesets/} that the Java logic refers to. */
public final class Concepts {

    public static final String LEIOMYOSARCOMA = "leiomyosarcoma-histology";
    public static final String METASTATIC_DISEASE = "metastatic-disease";
    public static final String DOXORUBICIN = "doxorubicin";
    public static final String GEMCITABINE = "gemcitabine";
    public static final String PAZOPANIB = "pazopanib";
    public static final String TRABECTEDIN = "trabectedin";

    private Concepts() {}
}
