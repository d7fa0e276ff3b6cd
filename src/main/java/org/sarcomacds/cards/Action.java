package org.sarcomacds.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A suggested change to the EHR's data.
 *
 * @param resource   the FHIR resource (JSON) to create or update, already encoded
 * @param resourceId relative reference of the resource to delete, e.g. {@code MedicationRequest/abc}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Action(
        String type, String description, @JsonRawValue String resource, String resourceId) {

    public static Action delete(String description, String resourceId) {
        return new Action("delete", description, null, resourceId);
    }
}
