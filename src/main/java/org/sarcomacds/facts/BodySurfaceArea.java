package org.sarcomacds.facts;

import java.util.List;

/**
 * The body surface area a dose can be calculated from.
 *
 * @param squareMetres rounded to two decimals
 * @param how          how it was obtained, in words for the card, e.g. "Mosteller from height 178 cm (2026-10-02) and
 *                     weight 80 kg (2026-11-20)"
 * @param references   the Observations it came from
 */
public record BodySurfaceArea(double squareMetres, String how, List<String> references) {

    public BodySurfaceArea {
        references = List.copyOf(references);
    }
}
