package org.sarcomacds.operations;

import java.util.List;
import org.sarcomacds.support.PostgresUnderTest;

/** The service configured for PostgreSQL through spring.datasource.*, across a restart. */
class PostgresRestartIT extends RestartScenario {

    @Override
    List<String> databaseArguments() {
        return PostgresUnderTest.fromSystemProperties().datasourceArguments();
    }
}
