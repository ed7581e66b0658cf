package io.jtelegraf.agent.cli;

import io.jtelegraf.spi.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code --pidfile}: written after start-up as {@code "<pid>\n"} with mode 0640 and removed at
 * exit. As in Telegraf, failing to write it is logged, not fatal.
 */
final class PidFile {
    private final Path path;

    private PidFile(Path path) {
        this.path = path;
    }

    /** Writes the file, or returns {@code null} when no pid file was asked for or it failed. */
    static PidFile write(String option, Logger logger) {
        if (option == null || option.isEmpty()) {
            return null;
        }
        Path path = Path.of(option);
        try {
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            Files.writeString(path, ProcessHandle.current().pid() + "\n");
            return new PidFile(path);
        } catch (IOException | UnsupportedOperationException e) {
            logger.error("Unable to create pidfile " + path + ": " + e.getMessage());
            return null;
        }
    }

    void remove() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // The process is ending; a stale pid file is harmless and there is nobody to tell.
        }
    }
}
