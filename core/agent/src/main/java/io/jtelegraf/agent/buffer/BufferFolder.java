package io.jtelegraf.agent.buffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The folder of one output's disk buffer: created with mode 0700 (metrics may be confidential),
 * checked to be writable, and locked through a {@code .lock} file so that two agents (or an old
 * agent still shutting down and its reloaded successor) never write the same log.
 *
 * <p>Threading: not thread-safe; opened and closed by one thread.
 */
final class BufferFolder implements AutoCloseable {
    private static final String LOCK = ".lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private BufferFolder(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * The folder name of an output instance inside {@code buffer_directory}: the plugin id, the
     * alias if any, and the instance's position among outputs with the same id and alias, so a
     * restart with the same config finds its folder again. Characters other than letters,
     * digits, '_' and '-' in the alias are percent-encoded, keeping names distinct and safe.
     */
    static String name(String pluginId, Optional<String> alias, int position) {
        StringBuilder name = new StringBuilder(pluginId);
        alias.ifPresent(a -> name.append('.').append(encode(a)));
        return name.append('.').append(position).toString();
    }

    private static String encode(String alias) {
        StringBuilder out = new StringBuilder();
        for (byte b : alias.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /**
     * Creates the folder (and missing parents) with mode 0700 if needed and locks it.
     *
     * @throws IOException with a message naming the folder and the reason
     */
    static BufferFolder open(Path path) throws IOException {
        try {
            Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            throw problem(path, "it exists and is not a directory");
        } catch (IOException e) {
            throw problem(path, "it cannot be created: " + reason(e));
        }
        if (!Files.isWritable(path) || !Files.isExecutable(path)) {
            throw problem(path, "it is not writable by this user");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path.resolve(LOCK), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw problem(path, "it is not writable: " + reason(e));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw problem(path, "it cannot be locked: " + reason(e));
        }
        if (lock == null) {
            channel.close();
            throw problem(path, "another jtelegraf agent is using it (a second agent with the same buffer_directory,"
                    + " or one that has not finished shutting down)");
        }
        return new BufferFolder(path, channel, lock);
    }

    Path path() {
        return path;
    }

    /** Makes created, renamed and deleted entries of {@code folder} durable. */
    static void syncDirectory(Path folder) throws IOException {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private static IOException problem(Path path, String reason) {
        return new IOException("cannot use disk buffer folder " + path + ": " + reason);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
