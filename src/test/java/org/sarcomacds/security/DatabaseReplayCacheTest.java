package org.sarcomacds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database replay cache on H2 (the same class runs on PostgreSQL in {@code PostgresReplicasIT}): two caches on
 * one database stand for two replicas; expired rows are taken over and deleted; a database that cannot be reached
 * makes a replica fall back to its own memory instead of refusing or stalling every call.
 */
class DatabaseReplayCacheTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long IN_FIVE_MINUTES = NOW + 300_000;
    private static final String ISSUER = "https://ehr.test";

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private DataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void migratedDatabase() {
        DataSource h2 =
                new DriverManagerDataSource("jdbc:h2:mem:replay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure()
                .dataSource(h2)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        dataSource = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (databaseDown.get()) {
                    throw new SQLException("Connection refused", "08001");
                }
                return super.getConnection();
            }
        };
        jdbc = new JdbcTemplate(dataSource);
    }

    private DatabaseReplayCache replica() {
        return new DatabaseReplayCache(new JdbcTemplate(dataSource), new MemoryReplayCache(1000));
    }

    private long rows() {
        return new JdbcTemplate(((DelegatingDataSource) dataSource).getTargetDataSource())
                .queryForObject("SELECT COUNT(*) FROM used_jti", Long.class);
    }

    @Test
    void aTokenAcceptedByOneReplicaIsAReplayOnTheOther() {
        DatabaseReplayCache first = replica();
        DatabaseReplayCache second = replica();
        assertThat(first.firstUse(ISSUER, "jti-1", IN_FIVE_MINUTES, NOW)).isTrue();
        assertThat(second.firstUse(ISSUER, "jti-1", IN_FIVE_MINUTES, NOW + 1)).isFalse();
        assertThat(first.firstUse(ISSUER, "jti-1", IN_FIVE_MINUTES, NOW + 2)).isFalse();
        assertThat(second.firstUse(ISSUER, "jti-2", IN_FIVE_MINUTES, NOW + 3)).isTrue();
    }

    @Test
    void theSameJtiFromAnotherIssuerIsAnotherToken() {
        DatabaseReplayCache cache = replica();
        assertThat(cache.firstUse(ISSUER, "jti-1", IN_FIVE_MINUTES, NOW)).isTrue();
        assertThat(cache.firstUse("https://other.test", "jti-1", IN_FIVE_MINUTES, NOW))
                .isTrue();
        assertThat(cache.firstUse("https://ehr.tes", "tjti-1", IN_FIVE_MINUTES, NOW))
                .as("issuer and jti cannot be shifted into each other")
                .isTrue();
    }

    @Test
    void anyJtiFitsTheKeyColumn() {
        DatabaseReplayCache cache = replica();
        String hostile = "x".repeat(10_000) + "\u0000'; DROP TABLE used_jti; --";
        assertThat(cache.firstUse(ISSUER, hostile, IN_FIVE_MINUTES, NOW)).isTrue();
        assertThat(cache.firstUse(ISSUER, hostile, IN_FIVE_MINUTES, NOW)).isFalse();
    }

    @Test
    void anExpiredEntryIsTakenOverAndDeletedLater() {
        DatabaseReplayCache cache = replica();
        assertThat(cache.firstUse(ISSUER, "jti-1", NOW + 1000, NOW)).isTrue();
        assertThat(cache.firstUse(ISSUER, "jti-old", NOW + 1000, NOW)).isTrue();
        long later = NOW + DatabaseReplayCache.PURGE_EVERY_MILLIS + 5000;
        assertThat(cache.firstUse(ISSUER, "jti-1", later + 300_000, later))
                .as("a token with a jti whose first token has expired")
                .isTrue();
        assertThat(rows())
                .as("jti-old deleted by the purge, jti-1 and its successor one row")
                .isEqualTo(1);
    }

    @Test
    void whileTheDatabaseIsDownAReplicaFallsBackToItsOwnMemoryThenReturns() {
        DatabaseReplayCache cache = replica();
        databaseDown.set(true);
        assertThat(cache.firstUse(ISSUER, "during-outage", IN_FIVE_MINUTES, NOW))
                .isTrue();
        assertThat(cache.firstUse(ISSUER, "during-outage", IN_FIVE_MINUTES, NOW + 1))
                .as("still refused as a replay by this replica")
                .isFalse();
        databaseDown.set(false);
        assertThat(cache.firstUse(ISSUER, "soon-after", IN_FIVE_MINUTES, NOW + 2))
                .isTrue();
        assertThat(rows())
                .as("the database is not tried again within the minute")
                .isZero();
        long afterAMinute = NOW + DatabaseReplayCache.RETRY_DATABASE_AFTER_MILLIS + 1;
        assertThat(cache.firstUse(ISSUER, "back", IN_FIVE_MINUTES, afterAMinute))
                .isTrue();
        assertThat(rows()).isEqualTo(1);
        assertThat(replica().firstUse(ISSUER, "back", IN_FIVE_MINUTES, afterAMinute))
                .isFalse();
    }
}
