package org.sarcomacds.rules;

import java.util.Optional;
import org.sarcomacds.facts.PatientFacts;

/** One recommendation or warning of the clinical source. Rules read facts only: no HTTP, no FHIR client. */
public interface Rule {

    String id();

    /** Fires or stays quiet for this hook ({@code patient-view}, {@code order-select}, {@code order-sign}). */
    Optional<Finding> evaluate(String hook, PatientFacts facts);
}
