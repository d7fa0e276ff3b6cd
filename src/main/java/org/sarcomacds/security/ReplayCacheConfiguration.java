package org.sarcomacds.security;

import org.sarcomacds.CdsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The JWT replay cache {@code cds.security.replay-cache} asks for: this process's memory (one replica), or the
 * database, shared by every replica on it (the {@code prod} profile's choice).
 */
@Configuration(proxyBeanMethods = false)
class ReplayCacheConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReplayCacheConfiguration.class);
    /** Entries kept in memory at most: the cache refuses new tokens rather than forget unexpired ones. */
    static final int MAX_MEMORY_ENTRIES = 1_000_000;

    @Bean
    ReplayCache replayCache(CdsProperties properties, ObjectProvider<JdbcTemplate> jdbc) {
        ReplayCache memory = new MemoryReplayCache(MAX_MEMORY_ENTRIES);
        if (properties.security().replayCache() == CdsProperties.ReplayCacheKind.MEMORY) {
            if (properties.security().requireJwt()) {
                log.info("the JWT replay cache is in memory: a token replayed to another replica is not recognised"
                        + " (cds.security.replay-cache=database shares it)");
            }
            return memory;
        }
        return new DatabaseReplayCache(jdbc.getObject(), memory);
    }
}
