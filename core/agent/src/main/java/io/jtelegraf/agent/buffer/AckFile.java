package io.jtelegraf.agent.buffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The "acknowledged up to" mark of a buffer: every record with a smaller index was delivered (or
 * dropped) and is never sent again. Stored as 16 bytes (magic {@code JTAK}, the index, a CRC32 of
 * the first 12 bytes) and replaced atomically: written to {@code ack.tmp}, then renamed over
 * {@code ack}. A crash therefore leaves the old mark or the new one, never a mix; at worst the
 * last batch is sent again.
 *
 * <p>Threading: not thread-safe; {@link DiskBuffer} serializes all access.
 */
final class AckFile {
    static final String NAME = "ack";
    private static final String TEMP = "ack.tmp";
    private static final int MAGIC = 0x4A54414B;
    private static final int SIZE = 16;

    private final Path folder;
    private final boolean sync;

    /** What {@link #read} found: {@code index} is -1 when there is no usable mark. */
    record Mark(long index, String problem) {
    }

    AckFile(Path folder, boolean sync) {
        this.folder = folder;
        this.sync = sync;
    }

    /** The stored mark; a missing file is no mark, a damaged one is no mark with a problem. */
    Mark read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.resolve(NAME));
        } catch (NoSuchFileException e) {
            return new Mark(-1, null);
        }
        if (bytes.length != SIZE) {
            return new Mark(-1, "it has " + bytes.length + " bytes instead of " + SIZE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int magic = buffer.getInt();
        long index = buffer.getLong();
        int stored = buffer.getInt();
        if (magic != MAGIC || stored != checksum(bytes) || index < 0) {
            return new Mark(-1, "its checksum does not match");
        }
        return new Mark(index, null);
    }

    /** Replaces the mark with {@code index}. */
    void write(long index) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE).putInt(MAGIC).putLong(index);
        buffer.putInt(checksum(buffer.array())).flip();
        Path temp = folder.resolve(TEMP);
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (sync) {
                // Without this a power failure right after the rename could leave an empty file.
                channel.force(false);
            }
        }
        Files.move(temp, folder.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static int checksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 12);
        return (int) crc.getValue();
    }
}
