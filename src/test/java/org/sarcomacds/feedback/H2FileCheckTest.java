package org.sarcomacds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sarcomacds.SarcomaCdsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An H2 file that cannot serve as the feedback store ends start-up with what is wrong and what to do, and no stack
 * trace: empty (which H2 would silently have replaced with an empty store), in use by another process, corrupt.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2FileCheckTest {

    private final Path dir =
            Path.of("target", "h2-file-check", UUID.randomUUID().toString());
    private final Path base = dir.resolve("cds");
    private final Path file = dir.resolve("cds.mv.db");
    private final String url = "jdbc:h2:file:./" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";

    private void assertStartRefused(CapturedOutput output, String description, String action) {
        assertThatThrownBy(() -> {
                    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                                    SarcomaCdsApplication.class)
                            .run("--server.port=0", "--spring.datasource.url=" + url)) {
                        context.getId();
                    }
                })
                .isInstanceOf(StoreUnusableException.class);
        String log = output.getOut() + output.getErr();
        assertThat(log).contains("APPLICATION FAILED TO START", description, action);
        assertThat(log).as("no stack trace").doesNotContain("\tat ", "Caused by", "Exception");
        assertThat(log.lines().count()).as("a short report, not a stack trace").isLessThan(20);
    }

    @Test
    void anEmptyFileIsRefusedNotReplacedByAnEmptyStore(CapturedOutput output) throws IOException {
        Files.createDirectories(dir);
        Files.createFile(file);
        assertStartRefused(output, "is empty (0 bytes)", "Restore the file from a backup, or delete it");
        assertThat(Files.size(file)).as("left as it was").isZero();
    }

    @Test
    void aFileInUseByAnotherProcessIsRefused(CapturedOutput output) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE t (x INT)");
        }
        // The lock H2 takes on the file when another process has it open.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            assertStartRefused(output, "is in use by another process", "Stop that process");
        }
    }

    @Test
    void aCorruptFileIsRefused(CapturedOutput output) throws IOException {
        Files.createDirectories(dir);
        byte[] noise = new byte[20_000];
        new Random(13).nextBytes(noise);
        Files.write(file, noise);
        assertStartRefused(output, "is corrupt or is not an H2 2.x database", "restore the file from a backup");
    }

    @Test
    void aWrongPasswordIsSaidSo() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("CREATE TABLE t (x INT)");
        }
        assertThatThrownBy(() -> H2FileCheck.check(url, file, "sa", "wrong"))
                .isInstanceOf(StoreUnusableException.class)
                .hasMessageContaining("does not accept the configured user name and password");
    }

    @Test
    void onlyLocalH2FilesAreChecked() {
        assertThat(H2FileCheck.databaseFile("jdbc:h2:file:./data/sarcoma-cds;WRITE_DELAY=0"))
                .contains(Path.of("./data/sarcoma-cds.mv.db"));
        assertThat(H2FileCheck.databaseFile("jdbc:h2:/var/lib/cds/store"))
                .contains(Path.of("/var/lib/cds/store.mv.db"));
        assertThat(H2FileCheck.databaseFile("jdbc:h2:~/cds"))
                .contains(Path.of(System.getProperty("user.home") + "/cds.mv.db"));
        assertThat(H2FileCheck.databaseFile("jdbc:h2:mem:cds;DB_CLOSE_DELAY=-1"))
                .isEmpty();
        assertThat(H2FileCheck.databaseFile("jdbc:h2:tcp://db.example.org/cds")).isEmpty();
        assertThat(H2FileCheck.databaseFile("jdbc:postgresql://db.example.org/cds"))
                .isEmpty();
        assertThat(H2FileCheck.databaseFile(null)).isEmpty();
    }
}
