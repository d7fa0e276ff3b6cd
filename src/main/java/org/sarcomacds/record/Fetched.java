package org.sarcomacds.record;

import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * What one fetch brought back.
 *
 * @param cutShort why the answer is incomplete when a cap stopped reading it (in words for a card), else null
 */
record Fetched(List<Resource> resources, String cutShort) {

    static Fetched complete(List<Resource> resources) {
        return new Fetched(resources, null);
    }
}
