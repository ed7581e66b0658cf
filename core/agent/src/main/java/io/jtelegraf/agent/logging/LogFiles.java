package io.jtelegraf.agent.logging;

import io.jtelegraf.spi.files.RotatingFileWriter;
import io.jtelegraf.spi.files.RotationPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * Opens the {@code logfile}: the parent directory is created with mode 0700 as Telegraf does, the
 * file is appended to and rotated by the SPI's {@link RotatingFileWriter} with the
 * {@code logfile_rotation_*} settings (archive dates in the log's time zone).
 */
final class LogFiles {
    private LogFiles() {
    }

    static OutputStream open(LogSettings settings) {
        Path file = Path.of(settings.logfile());
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            RotationPolicy policy = new RotationPolicy(settings.rotationInterval(), settings.rotationMaxSize(),
                    settings.rotationMaxArchives());
            return RotatingFileWriter.open(file, policy, Clock.system(settings.zone()));
        } catch (IOException e) {
            throw new UncheckedIOException("logfile " + file + ": cannot open: " + e.getMessage(), e);
        }
    }
}
