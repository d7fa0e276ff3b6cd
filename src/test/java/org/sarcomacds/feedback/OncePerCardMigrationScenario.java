package org.sarcomacds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V2 on a store that already holds the same item under several services (stored so before V2): the first
 * row received stays, the repeats go, and from then on the database refuses a repeat through any service. Each run
 * migrates a schema of its own, on H2 ({@link OncePerCardMigrationTest}) and on PostgreSQL
 * ({@link PostgresOncePerCardMigrationIT}).
 */
abstract class OncePerCardMigrationScenario {

    private static final String INSERT = "INSERT INTO card_feedback (service_id, card_uuid, outcome, outcome_at,"
            + " accepted_suggestions, override_reason, received_at) VALUES (?, ?, ?, ?, 0, ?, ?)";
    private final String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");

    abstract DataSource dataSource();

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(dataSource())
                .schemas(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    @AfterEach
    void dropSchema() {
        new JdbcTemplate(dataSource()).execute("DROP SCHEMA \"" + schema + "\" CASCADE");
    }

    @Test
    void repeatsStoredUnderOtherServicesAreRemovedAndRefusedFromThenOn() {
        flyway("1").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        OffsetDateTime at = OffsetDateTime.parse("2026-11-27T10:00:00Z");
        OffsetDateTime received = OffsetDateTime.parse("2026-11-27T10:00:01Z");
        String table = "\"" + schema + "\".card_feedback"; // quoted: Flyway creates it in lower case
        String insert = INSERT.replace("card_feedback", table);
        jdbc.update(insert, "lms-patient-view", "card-1", "overridden", at, "first", received);
        jdbc.update(insert, "lms-order-select", "card-1", "overridden", at, "repeat", received);
        jdbc.update(insert, "lms-order-sign", "card-1", "overridden", at, "repeat", received);
        jdbc.update(insert, "lms-patient-view", "card-1", "accepted", at, null, received);
        jdbc.update(insert, "lms-patient-view", "card-2", "overridden", at, null, received);

        flyway("latest").migrate();

        List<String> rows = jdbc.queryForList(
                "SELECT card_uuid || ' ' || outcome || ' ' || COALESCE(override_reason, '-') FROM " + table
                        + " ORDER BY card_uuid, outcome",
                String.class);
        assertThat(rows).containsExactly("card-1 accepted -", "card-1 overridden first", "card-2 overridden -");
        assertThatThrownBy(() -> jdbc.update(insert, "lms-order-sign", "card-2", "overridden", at, null, received))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
