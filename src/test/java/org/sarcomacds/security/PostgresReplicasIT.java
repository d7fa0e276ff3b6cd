package org.sarcomacds.security;

import java.util.List;
import org.sarcomacds.support.PostgresUnderTest;

/** Two replicas on one PostgreSQL server, as in production behind a load balancer (CI starts the server). */
class PostgresReplicasIT extends ReplicasScenario {

    @Override
    List<String> databaseArguments() {
        return PostgresUnderTest.fromSystemProperties().datasourceArguments();
    }
}
