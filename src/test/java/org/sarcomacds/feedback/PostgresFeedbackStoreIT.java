package org.sarcomacds.feedback;

import javax.sql.DataSource;
import org.sarcomacds.support.PostgresUnderTest;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The feedback store on a real PostgreSQL server (CI starts one; see .ci/postgres.sh). */
class PostgresFeedbackStoreIT extends FeedbackStoreContract {

    private final PostgresUnderTest postgres = PostgresUnderTest.fromSystemProperties();

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
    }
}
