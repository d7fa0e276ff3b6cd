package org.sarcomacds.rules;

import java.util.Optional;
import org.sarcomacds.facts.PatientFacts;

/**
 * One recommendation or warning of the clinical source. Rules read facts only: no HTTP, no FHIR client. The engine
 * calls a rule only on the hooks its {@link RuleSpec} declares ({@link PatientFacts#hook()}), with facts it may read
 * only through the value sets the spec declares.
 */
public interface Rule {

    /** Fires, or stays quiet (empty). */
    Optional<Finding> evaluate(PatientFacts facts);
}
