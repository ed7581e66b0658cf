package io.jtelegraf.agent.buffer;

import java.util.Arrays;

/** A growable byte array with the primitives of the record encoding. Not thread-safe. */
final class ByteWriter {
    private byte[] bytes;
    private int length;

    ByteWriter(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    void reset() {
        length = 0;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    /** Eight bytes, big-endian. */
    void writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    /** Four bytes, big-endian. */
    void writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
    }

    /** An unsigned LEB128 varint of the 64 bits of {@code value}: 1 to 10 bytes. */
    void writeVarLong(long value) {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            bytes[length++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[length++] = (byte) value;
    }

    /** A signed value as a zig-zag varint, so small negative numbers stay short. */
    void writeZigZag(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    /**
     * A string as its byte count and WTF-8 bytes: UTF-8, except that a surrogate without its
     * partner is written as the three-byte form of its code unit. Java strings may hold such
     * lone surrogates, and plain UTF-8 would replace them with '?', so the metric read back would
     * differ from the one written.
     */
    void writeString(String value) {
        int size = wtf8Length(value);
        writeVarLong(size);
        ensure(size);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                bytes[length++] = (byte) (0xF0 | (codePoint >> 18));
                bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
            } else {
                bytes[length++] = (byte) (0xE0 | (c >> 12));
                bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private static int wtf8Length(String value) {
        int size = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        return size;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
