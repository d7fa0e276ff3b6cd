package org.sarcomacds.operations;

import java.util.List;

/** Poisoned values against the default database, an H2 file (under target/). */
class H2PoisonedValuesTest extends PoisonedValuesScenario {

    private final String url = "jdbc:h2:file:./target/poisoned-test/" + RestartScenario.uniqueName()
            + "/cds;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
