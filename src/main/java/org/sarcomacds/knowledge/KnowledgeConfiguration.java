package org.sarcomacds.knowledge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    ClinicalParameters clinicalParameters() {
        return ClinicalParameters.load();
    }
}
