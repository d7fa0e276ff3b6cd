package org.sarcomacds.operations;

import java.util.List;

/** The default database, an H2 file (here under target/, never ./data), across a restart of the service. */
class H2FileRestartTest extends RestartScenario {

    private final String url =
            "jdbc:h2:file:./target/restart-test/" + uniqueName() + "/cds;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    List<String> databaseArguments() {
        return List.of("--spring.datasource.url=" + url);
    }
}
