package org.sarcomacds.protocol;

/**
 * One feedback item, validated.
 *
 * @param overrideReason the code of the reason the clinician chose, or null
 */
record Feedback(String card, String outcome, int acceptedSuggestions, String overrideReason, String outcomeTimestamp) {}
