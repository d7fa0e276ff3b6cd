package org.sarcomacds.facts;

/**
 * A medication in the order being composed.
 *
 * @param drug     the drug as matched, with the draft's reference ({@code MedicationRequest/id})
 * @param selected true when the clinician has just selected it (order-select {@code selections})
 */
public record DraftOrder(Fact drug, boolean selected) {}
