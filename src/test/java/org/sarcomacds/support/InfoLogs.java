package org.sarcomacds.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Tests log at WARN (src/test/resources/config/application.yaml); a test that reads the service's INFO lines (the
 * per-call line, feedback, refusals) raises {@code org.sarcomacds} to INFO for its own run with
 * {@code @ExtendWith(InfoLogs.class)}, placed after {@code OutputCaptureExtension}.
 */
public final class InfoLogs implements BeforeEachCallback, AfterEachCallback {

    private static final String SERVICE = "org.sarcomacds";

    @Override
    public void beforeEach(ExtensionContext context) {
        logging().setLogLevel(SERVICE, LogLevel.INFO);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logging().setLogLevel(SERVICE, null);
    }

    private static LoggingSystem logging() {
        return LoggingSystem.get(InfoLogs.class.getClassLoader());
    }
}
