package org.sarcomacds;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one R4 {@link FhirContext} of the process: building it is expensive, sharing it is thread-safe. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        FhirContext context = FhirContext.forR4();
        context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        // Real EHRs send FHIR that is not quite valid (the public sandbox sends single objects for arrays):
        // read what can be read, never fail a hook call on a value the rules may not even look at.
        context.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        return context;
    }
}
