package org.sarcomacds.feedback;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sarcomacds.support.PostgresUnderTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The feedback store on a real PostgreSQL server (CI starts one; see .ci/postgres.sh). */
class PostgresFeedbackStoreIT extends FeedbackStoreContract {

    private final PostgresUnderTest postgres = PostgresUnderTest.fromSystemProperties();

    @Override
    DataSource dataSource() {
        return new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
    }

    /**
     * Why every value is checked before it is stored: PostgreSQL refuses NUL in text, as a bad value (a
     * constraint-like violation, so the issued-card writer retries the batch call by call and feedback gets a 400),
     * never as an unavailable database (which would be a 503, "send it again later").
     */
    @Test
    void aNulIsRefusedAsABadValueNotAsAnUnavailableDatabase() {
        DataSource dataSource = dataSource();
        JdbcFeedbackStore store = new JdbcFeedbackStore(
                new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                "contract-test-key");
        Feedback nul = new Feedback("nul\u0000card", "overridden", List.of(), null, "2100-01-01T00:00:00Z");
        assertThatThrownBy(() -> store.recordFeedback("svc", nul))
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(DataAccessResourceFailureException.class);
    }
}
