package io.jtelegraf.agent.buffer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * One file of a buffer's append-only log, named after the index of its first record
 * ({@code 00000000000000000042.seg}). Layout: an 8-byte file header (magic {@code JTBQ}, then the
 * format version as an int), then records of
 * <pre>
 *   int    payload length
 *   int    CRC32 of the 4 length bytes and the payload
 *   bytes  payload ({@link MetricCodec})
 * </pre>
 * Record {@code n} of the file has index {@code base + n}. Appends write with one positional
 * write each; a failed append truncates the file back so no half record stays behind.
 *
 * <p>Threading: not thread-safe; {@link DiskBuffer} serializes all access.
 */
final class Segment implements AutoCloseable {
    static final int FILE_HEADER = 8;
    static final int RECORD_HEADER = 8;
    /** Larger lengths are taken as damage; no metric comes near this. */
    static final int MAX_RECORD = 16 << 20;
    private static final int MAGIC = 0x4A544251;
    private static final int FORMAT = 1;
    private static final String SUFFIX = ".seg";

    private final long base;
    private final Path path;
    private final FileChannel channel;
    private long length;
    private int records;

    /** What {@link #recover} found. */
    record Recovered(Segment segment, long discardedBytes, long damagedAt, String damage) {
        boolean damaged() {
            return damage != null;
        }
    }

    private Segment(long base, Path path, FileChannel channel, long length, int records) {
        this.base = base;
        this.path = path;
        this.channel = channel;
        this.length = length;
        this.records = records;
    }

    static String fileName(long base) {
        return String.format("%020d%s", base, SUFFIX);
    }

    /** The base index of a segment file name, or -1 when {@code name} is not one. */
    static long baseOf(String name) {
        if (name.length() != 20 + SUFFIX.length() || !name.endsWith(SUFFIX)) {
            return -1;
        }
        for (int i = 0; i < 20; i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Creates an empty segment whose first record will have index {@code base}. */
    static Segment create(Path folder, long base, boolean sync) throws IOException {
        Path path = folder.resolve(fileName(base));
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            writeFully(channel, fileHeader(), 0);
            if (sync) {
                channel.force(true);
                BufferFolder.syncDirectory(folder);
            }
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(path);
            throw e;
        }
        return new Segment(base, path, channel, FILE_HEADER, 0);
    }

    /**
     * Opens an existing segment and checks every record: the file is cut back to the last whole
     * record with a valid checksum (a torn tail after a crash, or damage), and to at most
     * {@code maxRecords} records.
     *
     * @throws CorruptRecordException when the file header is not a buffer segment's
     */
    static Recovered recover(Path path, long base, long maxRecords) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            if (size < FILE_HEADER) {
                // Created but the header never made it to disk: an empty segment.
                channel.truncate(0);
                writeFully(channel, fileHeader(), 0);
                channel.force(true);
                return new Recovered(new Segment(base, path, channel, FILE_HEADER, 0), size, 0,
                        size == 0 ? null : "file header is cut short");
            }
            ByteBuffer header = ByteBuffer.allocate(FILE_HEADER);
            readFully(channel, header, 0);
            header.flip();
            int magic = header.getInt();
            int format = header.getInt();
            if (magic != MAGIC || format != FORMAT) {
                throw new CorruptRecordException(path + " is not a jtelegraf buffer segment of format " + FORMAT);
            }
            return scan(path, base, channel, size, maxRecords);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Recovered scan(Path path, long base, FileChannel channel, long size, long maxRecords)
            throws IOException {
        long position = FILE_HEADER;
        int count = 0;
        String damage = null;
        channel.position(position);
        InputStream raw = Channels.newInputStream(channel);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        CRC32 crc = new CRC32();
        while (position < size) {
            if (count >= maxRecords) {
                damage = "records beyond the next segment's first index";
                break;
            }
            if (size - position < RECORD_HEADER) {
                damage = "record header cut short";
                break;
            }
            int payloadLength = in.readInt();
            int checksum = in.readInt();
            if (payloadLength < 0 || payloadLength > MAX_RECORD || payloadLength > size - position - RECORD_HEADER) {
                damage = payloadLength >= 0 && payloadLength <= MAX_RECORD ? "record cut short"
                        : "record length " + payloadLength + " out of range";
                break;
            }
            byte[] payload = new byte[payloadLength];
            try {
                in.readFully(payload);
            } catch (EOFException e) {
                damage = "record cut short";
                break;
            }
            if (checksum(crc, payloadLength, payload) != checksum) {
                damage = "checksum mismatch";
                break;
            }
            position += RECORD_HEADER + payloadLength;
            count++;
        }
        long discarded = size - position;
        if (discarded > 0) {
            channel.truncate(position);
            channel.force(true);
        }
        return new Recovered(new Segment(base, path, channel, position, count), discarded, position, damage);
    }

    long base() {
        return base;
    }

    Path path() {
        return path;
    }

    /** Bytes of whole records plus the file header. */
    long length() {
        return length;
    }

    int records() {
        return records;
    }

    /** The index after this segment's last record. */
    long endIndex() {
        return base + records;
    }

    /**
     * Appends one record with one positional write: once this returns the record is in the
     * kernel and survives the process dying; {@link #force} makes it survive a power failure.
     */
    void append(byte[] payload) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + payload.length);
        record.putInt(payload.length).putInt(checksum(new CRC32(), payload.length, payload)).put(payload).flip();
        try {
            writeFully(channel, record, length);
        } catch (IOException e) {
            try {
                channel.truncate(length);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        length += record.capacity();
        records++;
    }

    /** Forces appended records to stable storage (fdatasync). */
    void force() throws IOException {
        channel.force(false);
    }

    /** The payload of the record at {@code offset}, checked against its checksum. */
    byte[] read(long offset) throws IOException {
        int payloadLength = payloadLength(offset);
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + payloadLength);
        readFully(channel, record, offset);
        record.flip();
        record.getInt();
        int stored = record.getInt();
        byte[] payload = new byte[payloadLength];
        record.get(payload);
        if (checksum(new CRC32(), payloadLength, payload) != stored) {
            throw new CorruptRecordException("checksum mismatch in " + path + " at byte " + offset);
        }
        return payload;
    }

    /** The offset of the record after the one at {@code offset}, reading only its header. */
    long next(long offset) throws IOException {
        return offset + RECORD_HEADER + payloadLength(offset);
    }

    /** Offset after the record of {@code payload}, for callers that just read it. */
    static long next(long offset, byte[] payload) {
        return offset + RECORD_HEADER + payload.length;
    }

    /** Cuts the file back to {@code offset}, which holds record number {@code recordCount}. */
    void truncate(long offset, int recordCount) throws IOException {
        channel.truncate(offset);
        channel.force(true);
        length = offset;
        records = recordCount;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private int payloadLength(long offset) throws IOException {
        if (offset < FILE_HEADER || offset + RECORD_HEADER > length) {
            throw new CorruptRecordException("no record in " + path + " at byte " + offset);
        }
        ByteBuffer header = ByteBuffer.allocate(4);
        readFully(channel, header, offset);
        int payloadLength = header.flip().getInt();
        if (payloadLength < 0 || payloadLength > MAX_RECORD || offset + RECORD_HEADER + payloadLength > length) {
            throw new CorruptRecordException("record length " + payloadLength + " out of range in " + path
                    + " at byte " + offset);
        }
        return payloadLength;
    }

    private static int checksum(CRC32 crc, int payloadLength, byte[] payload) {
        crc.reset();
        crc.update(ByteBuffer.allocate(4).putInt(payloadLength).array());
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static ByteBuffer fileHeader() {
        return ByteBuffer.allocate(FILE_HEADER).putInt(MAGIC).putInt(FORMAT).flip();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new CorruptRecordException("unexpected end of file at byte " + at);
            }
            at += read;
        }
    }
}
