package org.sarcomacds.feedback;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration V2 on H2. */
class OncePerCardMigrationTest extends OncePerCardMigrationScenario {

    private final DataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
