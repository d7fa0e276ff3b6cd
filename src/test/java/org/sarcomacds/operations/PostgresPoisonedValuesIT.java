package org.sarcomacds.operations;

import java.util.List;
import org.sarcomacds.support.PostgresUnderTest;

/** Poisoned values against PostgreSQL, which refuses NUL in text (CI starts the server). */
class PostgresPoisonedValuesIT extends PoisonedValuesScenario {

    @Override
    List<String> databaseArguments() {
        return PostgresUnderTest.fromSystemProperties().datasourceArguments();
    }
}
