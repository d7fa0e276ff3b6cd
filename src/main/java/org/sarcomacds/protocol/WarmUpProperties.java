package org.sarcomacds.protocol;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long {@link WarmUp} runs synthetic calls before the port opens ({@code cds.warm-up.*}). It stops at whichever
 * limit comes first; one round (one call of each service) always runs.
 *
 * @param maxTime   time budget of the warm-up. With an AOT cache that carries method profiles (docs/performance.md,
 *                  start-up) the code is compiled after far fewer calls, and a shorter budget makes the service ready
 *                  sooner
 * @param maxRounds rounds of one call per service
 */
@ConfigurationProperties("cds.warm-up")
record WarmUpProperties(
        @DefaultValue("4s") Duration maxTime,
        @DefaultValue("400") int maxRounds) {}
