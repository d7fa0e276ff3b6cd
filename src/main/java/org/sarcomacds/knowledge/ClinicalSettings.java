package org.sarcomacds.knowledge;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param asOf evaluate records as of this date instead of today, so that dated demo and test data does not age
 *             (windows for weight, labs and disease-free intervals count back from it); leave unset in production
 */
@ConfigurationProperties("cds.clinical")
public record ClinicalSettings(LocalDate asOf) {}
