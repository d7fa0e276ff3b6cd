package org.sarcomacds.operations;

import java.util.List;
import org.sarcomacds.support.PostgresUnderTest;

/** The service configured for PostgreSQL through spring.datasource.*, across a restart. */
class PostgresRestartIT extends RestartScenario {

    private final PostgresUnderTest postgres = PostgresUnderTest.fromSystemProperties();

    @Override
    List<String> databaseArguments() {
        return List.of(
                "--spring.datasource.url=" + postgres.url(),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password());
    }
}
