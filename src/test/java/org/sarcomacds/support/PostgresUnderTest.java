package org.sarcomacds.support;

import java.util.List;

/**
 * The PostgreSQL server the {@code *IT} tests run against, named by system properties that {@code .ci/run} sets
 * (from {@code .ci/postgres.sh}). These tests run only in the Maven profile that those properties switch on, and
 * there a missing property is an error, never a skip.
 */
public record PostgresUnderTest(String url, String user, String password) {

    public static PostgresUnderTest fromSystemProperties() {
        return new PostgresUnderTest(
                required("cds.test.postgres.url"),
                required("cds.test.postgres.user"),
                required("cds.test.postgres.password"));
    }

    /** The command-line arguments that point a whole service at this server. */
    public List<String> datasourceArguments() {
        return List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: the PostgreSQL tests need a"
                    + " server (.ci/postgres.sh starts one); they are never skipped");
        }
        return value;
    }
}
