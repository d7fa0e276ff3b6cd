package org.sarcomacds.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything else starts: when the feedback store is an H2 file, checks that it can be used, and otherwise ends
 * start-up with one sentence saying what is wrong and what to do ({@link StoreUnusableException}, reported by
 * {@link StoreFailureAnalyzer}) instead of a long stack trace. An empty (zero-length) file is refused: H2 would
 * silently start an empty store over it. A locked, corrupt or unreadable file is found by opening it once.
 * Registered in {@code META-INF/spring.factories}, since it runs before the application context exists.
 */
public final class H2FileCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** H2's error codes (org.h2.api.ErrorCode), so the driver need not be on the compile path. */
    static final int DATABASE_ALREADY_OPEN = 90020;

    static final int FILE_CORRUPTED = 90030;
    static final int FILE_VERSION_ERROR = 90048;
    static final int WRONG_USER_OR_PASSWORD = 28000;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        Optional<Path> file = databaseFile(url);
        if (file.isEmpty()) {
            return;
        }
        check(
                url,
                file.get(),
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""));
    }

    static void check(String url, Path file, String user, String password) {
        if (isEmptyFile(file)) {
            throw new StoreUnusableException(
                    "The H2 database file " + file + " is empty (0 bytes), as an interrupted copy, a full disk or a"
                            + " truncated restore leaves it; H2 would silently start an empty store over it.",
                    "Restore the file from a backup, or delete it to start with an empty store on purpose.");
        }
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.isValid(1);
        } catch (SQLException e) {
            throw unusable(file, e);
        }
    }

    static StoreUnusableException unusable(Path file, SQLException e) {
        return switch (e.getErrorCode()) {
            case DATABASE_ALREADY_OPEN ->
                new StoreUnusableException(
                        "The H2 database file " + file + " is in use by another process (another instance of this"
                                + " service, or an H2 console).",
                        "Stop that process, or give this instance a file of its own with spring.datasource.url;"
                                + " for more than one instance use PostgreSQL (docs/operations.md).");
            case FILE_CORRUPTED, FILE_VERSION_ERROR ->
                new StoreUnusableException(
                        "The H2 database file " + file + " is corrupt or is not an H2 2.x database.",
                        "Stop the service and restore the file from a backup, or move it aside to start with an"
                                + " empty store (H2's org.h2.tools.Recover can salvage rows from it).");
            case WRONG_USER_OR_PASSWORD ->
                new StoreUnusableException(
                        "The H2 database file " + file + " does not accept the configured user name and password.",
                        "Set spring.datasource.username and spring.datasource.password to those the file was"
                                + " created with.");
            default ->
                new StoreUnusableException(
                        "The H2 database file " + file + " could not be opened: " + firstLine(e.getMessage()),
                        "Check that the directory exists and is writable by this service, and that the disk is not"
                                + " full.");
        };
    }

    /**
     * The file an H2 URL names ({@code jdbc:h2:file:./data/x} or {@code jdbc:h2:./data/x} is {@code ./data/x.mv.db}),
     * or empty for any other database, H2 in memory, H2 over the network and H2's other file systems.
     */
    static Optional<Path> databaseFile(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("[A-Za-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio:, ...
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name + ".mv.db"));
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false; // opening it will say what is wrong
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse(message);
    }
}
