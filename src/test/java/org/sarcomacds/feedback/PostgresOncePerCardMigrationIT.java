package org.sarcomacds.feedback;

import javax.sql.DataSource;
import org.sarcomacds.support.PostgresUnderTest;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Migration V2 on a real PostgreSQL server (CI starts one; see .ci/postgres.sh). */
class PostgresOncePerCardMigrationIT extends OncePerCardMigrationScenario {

    private final PostgresUnderTest postgres = PostgresUnderTest.fromSystemProperties();
    private final DataSource dataSource =
            new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
