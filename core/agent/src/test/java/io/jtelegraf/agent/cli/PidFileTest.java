package io.jtelegraf.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.agent.testing.RecordingLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --pidfile}: Telegraf's content and mode, removal at exit, and failures that are only logged. */
class PidFileTest {
    @TempDir
    Path temp;

    @Test
    void holdsThePidAndANewlineWithMode0640() throws IOException {
        Path path = temp.resolve("jtelegraf.pid");

        PidFile pidFile = PidFile.write(path.toString(), new RecordingLogger());

        assertThat(pidFile).isNotNull();
        assertThat(path).content().isEqualTo(ProcessHandle.current().pid() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r-----");
    }

    @Test
    void replacesAStaleFile() throws IOException {
        Path path = Files.writeString(temp.resolve("jtelegraf.pid"), "999999\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));

        PidFile.write(path.toString(), new RecordingLogger());

        assertThat(path).content().isEqualTo(ProcessHandle.current().pid() + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-r-----");
    }

    @Test
    void isRemovedAtExit() {
        Path path = temp.resolve("jtelegraf.pid");
        PidFile pidFile = PidFile.write(path.toString(), new RecordingLogger());

        pidFile.remove();

        assertThat(path).doesNotExist();
    }

    @Test
    void aFileThatCannotBeCreatedIsLoggedNotFatal() {
        Path path = temp.resolve("no-such-folder/jtelegraf.pid");
        var logger = new RecordingLogger();

        PidFile pidFile = PidFile.write(path.toString(), logger);

        assertThat(pidFile).isNull();
        assertThat(logger.lines()).singleElement().asString()
                .startsWith("E! Unable to create pidfile " + path + ": ");
    }

    @Test
    void noOptionNoFile() {
        assertThat(PidFile.write("", new RecordingLogger())).isNull();
    }
}
