package org.sarcomacds.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The date a record is evaluated at: today, or the configured {@code cds.clinical.as-of}. */
@Component
public class EvaluationDate {

    private final ClinicalSettings settings;
    private final Clock clock = Clock.systemDefaultZone();

    public EvaluationDate(ClinicalSettings settings) {
        this.settings = settings;
    }

    public LocalDate today() {
        return settings.asOf() != null ? settings.asOf() : LocalDate.now(clock);
    }
}
