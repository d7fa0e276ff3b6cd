package org.sarcomacds.security;

import java.util.List;
import java.util.UUID;

/** Two replicas in this JVM on one in-memory H2 database: the database replay cache in the normal build. */
class H2ReplicasTest extends ReplicasScenario {

    private final String url = "jdbc:h2:mem:replicas-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
