package io.jtelegraf.agent.buffer;

/**
 * Reads what {@link ByteWriter} wrote, checking every length against the bytes left, so a
 * damaged record fails with {@link MalformedRecordException} instead of a large allocation or an
 * index error. Not thread-safe.
 */
final class ByteReader {
    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    boolean atEnd() {
        return position == bytes.length;
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    long readLong() {
        need(8);
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[position++] & 0xFF);
        }
        return value;
    }

    long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (shift == 63 && b > 1) {
                    throw new MalformedRecordException("varint overflows 64 bits at byte " + (position - 1));
                }
                return value;
            }
        }
        throw new MalformedRecordException("varint longer than 10 bytes at byte " + position);
    }

    long readZigZag() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** A count of items that each take at least one byte, so it cannot exceed the bytes left. */
    int readCount() {
        long count = readVarLong();
        if (count < 0 || count > bytes.length - position) {
            throw new MalformedRecordException("count " + Long.toUnsignedString(count) + " at byte " + position
                    + " exceeds the " + (bytes.length - position) + " bytes left");
        }
        return (int) count;
    }

    /** A string written by {@link ByteWriter#writeString}. */
    String readString() {
        int size = readCount();
        int end = position + size;
        StringBuilder text = new StringBuilder(size);
        while (position < end) {
            int b = bytes[position++] & 0xFF;
            if (b < 0x80) {
                text.append((char) b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                text.append((char) (((b & 0x1F) << 6) | continuation(end)));
            } else if (b >= 0xE0 && b <= 0xEF) {
                int c = ((b & 0x0F) << 12) | (continuation(end) << 6) | continuation(end);
                if (c < 0x800) {
                    throw new MalformedRecordException("overlong sequence at byte " + (position - 3));
                }
                text.append((char) c);
            } else if (b >= 0xF0 && b <= 0xF4) {
                int codePoint = ((b & 0x07) << 18) | (continuation(end) << 12) | (continuation(end) << 6)
                        | continuation(end);
                if (codePoint < 0x10000 || codePoint > Character.MAX_CODE_POINT) {
                    throw new MalformedRecordException("invalid code point at byte " + (position - 4));
                }
                text.appendCodePoint(codePoint);
            } else {
                throw new MalformedRecordException("invalid lead byte 0x" + Integer.toHexString(b) + " at byte "
                        + (position - 1));
            }
        }
        return text.toString();
    }

    private int continuation(int end) {
        if (position >= end) {
            throw new MalformedRecordException("string ends inside a character at byte " + position);
        }
        int b = bytes[position++] & 0xFF;
        if ((b & 0xC0) != 0x80) {
            throw new MalformedRecordException("invalid continuation byte at byte " + (position - 1));
        }
        return b & 0x3F;
    }

    private void need(int count) {
        if (bytes.length - position < count) {
            throw new MalformedRecordException("record ends at byte " + bytes.length + ", " + count
                    + " more bytes needed at byte " + position);
        }
    }
}
