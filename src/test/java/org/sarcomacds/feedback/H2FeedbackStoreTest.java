package org.sarcomacds.feedback;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The feedback store on H2, the default database (in memory here; the file database is {@code H2RestartTest}'s). */
class H2FeedbackStoreTest extends FeedbackStoreContract {

    private final DataSource dataSource =
            new DriverManagerDataSource("jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @Override
    DataSource dataSource() {
        return dataSource;
    }
}
