package org.sarcomacds.knowledge;

import org.sarcomacds.CdsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeConfiguration.class);

    @Bean
    SiteKnowledge siteKnowledge(CdsProperties properties) {
        SiteKnowledge site = SiteKnowledge.load(properties.knowledge().siteDir());
        if (site.dir() != null) {
            log.info(
                    "site knowledge from {}: {}",
                    site.dir(),
                    site.isEmpty()
                            ? "no files"
                            : site.files().stream()
                                    .map(f -> f.path() + " sha256=" + f.sha256())
                                    .toList());
        }
        return site;
    }

    @Bean
    ClinicalParameters clinicalParameters(SiteKnowledge site) {
        return ClinicalParameters.load(site);
    }
}
