package io.jtelegraf.spi.lineprotocol;

/**
 * Decimal text of integers written straight into a byte array, without the String that
 * {@link Long#toString} would allocate for every field and timestamp. Two digits are produced per
 * division, and numbers above the int range are first cut into eight-digit blocks, because 64-bit
 * division is the expensive part of writing counters and nanosecond timestamps.
 */
final class Digits {
    /** The longest decimal text of a long or unsigned long: {@code -9223372036854775808} is 20. */
    static final int MAX_LENGTH = 20;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L,
        100_000_000_000_000L, 1_000_000_000_000_000L, 10_000_000_000_000_000L,
        100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    };
    private static final int EIGHT_DIGITS = 100_000_000;
    /** "00" to "99", two ASCII bytes each. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private Digits() {
    }

    /** The number of decimal digits of a non-negative value. */
    static int count(long value) {
        if (value < 10) {
            return 1;
        }
        // log10(2) is about 1233 / 4096: an estimate from the bit length, off by at most one.
        int estimate = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
        return value >= POWERS_OF_TEN[estimate] ? estimate + 1 : estimate;
    }

    /** Writes a signed value; returns the position after it. */
    static int writeLong(byte[] target, int pos, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                // Its magnitude does not fit a long: the last digit is written separately.
                target[pos++] = '-';
                pos = writeLong(target, pos, 922337203685477580L);
                target[pos++] = '8';
                return pos;
            }
            target[pos++] = '-';
            value = -value;
        }
        int end = pos + count(value);
        int at = end;
        while (value > Integer.MAX_VALUE) {
            long quotient = value / EIGHT_DIGITS;
            at = writeEightDigits(target, at, (int) (value - quotient * EIGHT_DIGITS));
            value = quotient;
        }
        int small = (int) value;
        while (small >= 100) {
            int quotient = small / 100;
            int pair = (small - quotient * 100) << 1;
            target[--at] = PAIRS[pair + 1];
            target[--at] = PAIRS[pair];
            small = quotient;
        }
        if (small >= 10) {
            target[--at] = PAIRS[(small << 1) + 1];
            target[--at] = PAIRS[small << 1];
        } else {
            target[--at] = (byte) ('0' + small);
        }
        return end;
    }

    /** Writes exactly eight digits (with leading zeros) ending before {@code end}. */
    private static int writeEightDigits(byte[] target, int end, int block) {
        int at = end;
        for (int i = 0; i < 4; i++) {
            int quotient = block / 100;
            int pair = (block - quotient * 100) << 1;
            target[--at] = PAIRS[pair + 1];
            target[--at] = PAIRS[pair];
            block = quotient;
        }
        return at;
    }

    /** Writes the bits of {@code value} as an unsigned 64-bit integer. */
    static int writeUnsigned(byte[] target, int pos, long value) {
        if (value >= 0) {
            return writeLong(target, pos, value);
        }
        long quotient = (value >>> 1) / 5;
        long remainder = value - quotient * 10;
        pos = writeLong(target, pos, quotient);
        target[pos++] = (byte) ('0' + remainder);
        return pos;
    }
}
