package org.sarcomacds.facts;

import java.time.LocalDate;

/**
 * The disease-free interval before metastasis: from the end of curative treatment or the last record of no evidence
 * of disease, to the first onset of an active metastasis. Never from the diagnosis.
 *
 * @param from   the latest of: a leiomyosarcoma Condition's abatement, the end of a completed systemic therapy, on or
 *               before {@code to}
 * @param to     the earliest onset of an active metastasis
 * @param months whole months from {@code from} to {@code to}
 * @param basis  the fact {@code from} comes from: the Condition (abatement) or the therapy (its end)
 */
public record DiseaseFreeInterval(LocalDate from, LocalDate to, long months, Fact basis) {}
