package io.jtelegraf.spi.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An append-only file that rotates as Telegraf's {@code internal/rotate} file writer does, used by
 * {@code [[outputs.file]]} and the agent's log file.
 *
 * <ul>
 *   <li>The file is opened for appending (created with mode 0644, parent directories created).</li>
 *   <li>After each {@link #write} and at {@link #close}, it is rotated when the rotation interval
 *       has passed since the file's modification time at opening (for a file that did not exist,
 *       the time it was created), or when it holds at least the maximum size. So a file may grow
 *       past the maximum by one write.</li>
 *   <li>Rotating renames the file to {@code <stem>.<YYYY-MM-DD>-<unix seconds><ext>} (the date in
 *       the clock's zone), deletes the oldest archives beyond the configured number (archives are
 *       ordered by name), and opens a new, empty file. A failed rotation is reported to the error
 *       handler and writing goes on in the current file.</li>
 * </ul>
 *
 * <p>Each {@code write} call goes straight to the file, so callers should hand over whole chunks
 * (a serialized metric or batch, a log line), not single bytes.
 *
 * <p>Threading: all methods are synchronized; several threads may write (the agent's loggers do).
 */
public final class RotatingFileWriter extends OutputStream {
    private static final Set<StandardOpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    private final Path file;
    private final RotationPolicy policy;
    private final Clock clock;
    private final Consumer<IOException> rotationErrors;
    private final ArchiveNames archiveNames;
    private FileChannel channel;
    private Instant expiry;
    private long size;

    private RotatingFileWriter(Path file, RotationPolicy policy, Clock clock, Consumer<IOException> rotationErrors) {
        this.file = file;
        this.policy = policy;
        this.clock = clock;
        this.rotationErrors = rotationErrors;
        this.archiveNames = new ArchiveNames(file.getFileName().toString());
    }

    /**
     * Opens {@code file} for appending; rotates it right away when it is already due.
     *
     * @param rotationErrors told about rotations that failed (the writer keeps the current file)
     * @throws IOException when the file or its directory cannot be created or opened
     */
    public static RotatingFileWriter open(Path file, RotationPolicy policy, Clock clock,
                                          Consumer<IOException> rotationErrors) throws IOException {
        Objects.requireNonNull(file, "file");
        if (file.getFileName() == null) {
            throw new IOException("not a file name: " + file);
        }
        RotatingFileWriter writer = new RotatingFileWriter(file, Objects.requireNonNull(policy, "policy"),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(rotationErrors, "rotationErrors"));
        writer.openCurrent(true);
        return writer;
    }

    /** Opens {@code file}; failed rotations are printed to standard error. */
    public static RotatingFileWriter open(Path file, RotationPolicy policy, Clock clock) throws IOException {
        return open(file, policy, clock, error -> System.err.println("unable to rotate the file \"" + file + "\": " + error));
    }

    /** The path written to. */
    public Path file() {
        return file;
    }

    /**
     * Appends {@code length} bytes in one write, then rotates if due.
     *
     * @throws IOException when the bytes cannot be written or a new file cannot be opened after a
     *     rotation
     */
    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        requireOpen();
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        size += length;
        rotateIfDue();
    }

    /** Writes one byte as a whole write; prefer {@link #write(byte[], int, int)}. */
    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Rotates if due, then closes the file. Further writes fail; closing again does nothing. */
    @Override
    public synchronized void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            rotateIfDue();
        } finally {
            FileChannel current = channel;
            channel = null;
            if (current != null) {
                current.close();
            }
        }
    }

    private void requireOpen() throws IOException {
        if (channel == null) {
            throw new IOException("file " + file + " is closed");
        }
    }

    private void openCurrent(boolean rotateIfDue) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        boolean existed = Files.exists(file);
        channel = FileChannel.open(file, APPEND, newFilePermissions());
        expiry = clock.instant().plus(policy.interval());
        size = 0;
        if (existed) {
            // An existing file is judged by its own age and size, so that an agent restarted more
            // often than the interval still rotates. A file just created is as old as the clock says.
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                expiry = attributes.lastModifiedTime().toInstant().plus(policy.interval());
                size = attributes.size();
            } catch (IOException e) {
                // Keep the estimates above, as Telegraf does when stat fails.
            }
        }
        if (rotateIfDue) {
            rotateIfDue();
        }
    }

    private void rotateIfDue() throws IOException {
        boolean expired = policy.timed() && clock.instant().isAfter(expiry);
        boolean full = policy.sized() && size >= policy.maxSizeBytes();
        if (!expired && !full) {
            return;
        }
        boolean rotated = false;
        try {
            rotate();
            rotated = true;
        } catch (IOException e) {
            rotationErrors.accept(e);
        }
        // After a failed rotation the same file is reopened without checking again: it would still
        // be due, and retrying at once would fail the same way.
        openCurrent(rotated);
    }

    private void rotate() throws IOException {
        channel.close();
        Instant now = clock.instant();
        Path archive = file.resolveSibling(archiveNames.archiveName(now, clock.getZone()));
        Files.move(file, archive, StandardCopyOption.REPLACE_EXISTING);
        purgeArchives();
    }

    private void purgeArchives() throws IOException {
        if (policy.keepsAllArchives()) {
            return;
        }
        Path directory = file.toAbsolutePath().getParent();
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> archiveNames.isArchive(entry.getFileName().toString()))) {
            entries.forEach(archives::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (archives.size() <= policy.maxArchives()) {
            return;
        }
        Collections.sort(archives);
        for (Path archive : archives.subList(0, archives.size() - policy.maxArchives())) {
            try {
                Files.delete(archive);
            } catch (NoSuchFileException alreadyGone) {
                // Deleted by someone else meanwhile: the goal is reached.
            }
        }
    }

    private static FileAttribute<?>[] newFilePermissions() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))};
    }
}
