package org.sarcomacds.facts;

/**
 * How a drug changes CYP3A activity, as its value set declares it (extensions {@code cyp3a-effect} and
 * {@code cyp3a-strength} of {@code hooks/valuesets/*-cyp3a-*.json}).
 */
public record Cyp3a(Effect effect, Strength strength) {

    public enum Effect {
        INHIBITOR,
        INDUCER
    }

    public enum Strength {
        STRONG,
        MODERATE
    }
}
