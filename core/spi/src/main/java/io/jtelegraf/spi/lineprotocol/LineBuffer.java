package io.jtelegraf.spi.lineprotocol;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that line protocol is written into and reused across batches, so
 * steady-state serialization allocates nothing. Outputs read it without copying through
 * {@link #array()} and {@link #length()}, or hand it to a stream with {@link #writeTo}.
 *
 * <p>Threading: not thread-safe; one buffer belongs to one writer at a time.
 */
public final class LineBuffer {
    private static final int DEFAULT_CAPACITY = 4096;

    byte[] bytes;
    int length;

    public LineBuffer() {
        this(DEFAULT_CAPACITY);
    }

    public LineBuffer(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("negative capacity " + initialCapacity);
        }
        bytes = new byte[initialCapacity];
    }

    /** The number of valid bytes. */
    public int length() {
        return length;
    }

    /** Whether nothing has been written since the last {@link #reset()}. */
    public boolean isEmpty() {
        return length == 0;
    }

    /**
     * The backing array; bytes {@code [0, length())} are valid. It is replaced when the buffer
     * grows, so fetch it again after every write.
     */
    public byte[] array() {
        return bytes;
    }

    /** Forgets the content and keeps the capacity. */
    public void reset() {
        length = 0;
    }

    /** A copy of the valid bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** Writes the valid bytes to {@code out} in one call. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** The content decoded as UTF-8, for tests and messages. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Makes room for {@code additional} more bytes and returns the (possibly new) array. */
    byte[] ensure(int additional) {
        int needed = length + additional;
        if (needed > bytes.length) {
            if (needed < 0) {
                throw new IllegalStateException("line buffer would exceed 2 GiB");
            }
            int grown = Math.max(needed, bytes.length + (bytes.length >> 1) + 16);
            bytes = Arrays.copyOf(bytes, grown < 0 ? Integer.MAX_VALUE - 8 : grown);
        }
        return bytes;
    }

    void put(byte value) {
        ensure(1)[length++] = value;
    }

    void put(byte[] source, int offset, int count) {
        System.arraycopy(source, offset, ensure(count), length, count);
        length += count;
    }

    /** Copies {@code [from, from + count)} of this buffer to its end (a repeated line header). */
    void repeat(int from, int count) {
        byte[] target = ensure(count);
        System.arraycopy(target, from, target, length, count);
        length += count;
    }
}
