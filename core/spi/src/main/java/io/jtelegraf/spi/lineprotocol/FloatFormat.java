package io.jtelegraf.spi.lineprotocol;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Writes a double as Go's {@code strconv.FormatFloat(v, 'f', -1, 64)} does: the shortest decimal
 * that parses back to the same double (the one nearest the exact value when several are equally
 * short), in plain positional notation without an exponent, without a trailing {@code .0}, and
 * {@code -0} for negative zero. Examples: {@code 42.0 -> 42}, {@code 1e21 -> 1000000000000000000000},
 * {@code 1e-7 -> 0.0000001}, {@code 0.1 + 0.2 -> 0.30000000000000004}.
 *
 * <p>{@link Double#toString} is not used: it writes exponents, and on Java 17 it is not always the
 * shortest round-tripping text.
 *
 * <p>How: whole numbers below 2^53 are written as integers. Otherwise the value is tried as
 * {@code m * 10^k} or {@code m / 10^k} with {@code m} below 10^15 and {@code k <= 22}; both
 * factors are exact doubles, so one IEEE multiplication or division is exactly what a correctly
 * rounding parser computes, and a decimal of at most 15 significant digits that round-trips is the
 * only one of that length or shorter (doubles are finer than 15-digit decimals), hence Go's. The
 * remaining values (16 and 17 digits, very large or small magnitudes) take an exact search with
 * {@link BigDecimal}.
 *
 * <p>Threading: stateless, safe from any thread. NaN and infinities are not formatted: the line
 * protocol drops such fields, so callers never pass them.
 */
public final class FloatFormat {

    /**
     * The longest text this class writes: {@code -} and the 327 characters of the smallest
     * subnormal ({@code 0.} followed by 323 zeros and {@code 5}), rounded up.
     */
    public static final int MAX_LENGTH = 330;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };
    private static final double TWO_TO_53 = 9007199254740992.0;
    private static final double FIFTEEN_DIGIT_LIMIT = 1e15;
    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private FloatFormat() {
    }

    /**
     * The Go text of {@code value}.
     *
     * @throws IllegalArgumentException for NaN and infinities, which have no line protocol text
     */
    public static String format(double value) {
        byte[] text = new byte[MAX_LENGTH];
        int length = write(value, text, 0);
        return new String(text, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the Go text of {@code value} into {@code target} at {@code position}; the array must
     * have {@link #MAX_LENGTH} bytes free from there.
     *
     * @return the position after the last byte written
     * @throws IllegalArgumentException for NaN and infinities
     */
    public static int write(double value, byte[] target, int position) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("no decimal text for " + value);
        }
        int pos = position;
        if (Double.doubleToRawLongBits(value) < 0) {
            target[pos++] = '-';
        }
        double magnitude = Math.abs(value);
        if (magnitude < TWO_TO_53 && magnitude == Math.rint(magnitude)) {
            // Covers zero: "-0" for negative zero, as Go prints it.
            return Digits.writeLong(target, pos, (long) magnitude);
        }
        int written = magnitude < TWO_TO_53 ? writeFraction(magnitude, target, pos) : writeLarge(magnitude, target, pos);
        if (written >= 0) {
            return written;
        }
        return writeExact(magnitude, target, pos);
    }

    /** Tries {@code m / 10^k}; returns -1 when no such short decimal round-trips. */
    private static int writeFraction(double magnitude, byte[] target, int pos) {
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            double scaled = magnitude * POWERS_OF_TEN[k];
            if (scaled >= FIFTEEN_DIGIT_LIMIT) {
                return -1;
            }
            double candidate = Math.rint(scaled);
            if (candidate / POWERS_OF_TEN[k] == magnitude) {
                return writeScaled(target, pos, (long) candidate, k);
            }
        }
        return -1;
    }

    /** Tries {@code m * 10^k} for magnitudes from 2^53 up; returns -1 when none round-trips. */
    private static int writeLarge(double magnitude, byte[] target, int pos) {
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            double candidate = Math.rint(magnitude / POWERS_OF_TEN[k]);
            if (candidate >= FIFTEEN_DIGIT_LIMIT) {
                continue;
            }
            if (candidate == 0) {
                return -1;
            }
            if (candidate * POWERS_OF_TEN[k] == magnitude) {
                return writeScaled(target, pos, (long) candidate, -k);
            }
        }
        return -1;
    }

    /**
     * Writes {@code unscaled * 10^-scale} in positional notation: a positive scale is the number of
     * fraction digits, a negative one the number of zeros appended.
     */
    private static int writeScaled(byte[] target, int pos, long unscaled, int scale) {
        while (scale > 0 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        if (scale <= 0) {
            int end = Digits.writeLong(target, pos, unscaled);
            return zeros(target, end, -scale);
        }
        int digits = Digits.count(unscaled);
        if (digits <= scale) {
            target[pos++] = '0';
            target[pos++] = '.';
            pos = zeros(target, pos, scale - digits);
            return Digits.writeLong(target, pos, unscaled);
        }
        int end = Digits.writeLong(target, pos, unscaled);
        int point = end - scale;
        System.arraycopy(target, point, target, point + 1, scale);
        target[point] = '.';
        return end + 1;
    }

    /** The exact search: the fewest significant digits that round-trip, nearest the exact value. */
    private static int writeExact(double magnitude, byte[] target, int pos) {
        BigDecimal exact = new BigDecimal(magnitude);
        int low = 1;
        int high = MAX_SIGNIFICANT_DIGITS;
        BigDecimal best = roundTripping(exact, magnitude, high);
        // A decimal of p digits that round-trips is also one of p + 1 digits (append a zero), so
        // "some p-digit decimal round-trips" is monotonic in p and a binary search finds the least p.
        while (low < high) {
            int middle = (low + high) >>> 1;
            BigDecimal candidate = roundTripping(exact, magnitude, middle);
            if (candidate != null) {
                best = candidate;
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no round-tripping decimal for " + magnitude);
        }
        BigDecimal stripped = best.stripTrailingZeros();
        return writeDigits(target, pos, stripped.unscaledValue().toString(), stripped.scale());
    }

    /**
     * The {@code precision}-digit decimal nearest {@code exact} that parses back to
     * {@code magnitude}, or {@code null}. The decimals of that length inside the round-trip
     * interval, if any, include the one just below or just above the exact value, so checking
     * those two suffices; the nearer one wins, as in Go.
     */
    private static BigDecimal roundTripping(BigDecimal exact, double magnitude, int precision) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (parses(nearest, magnitude)) {
            return nearest;
        }
        RoundingMode away = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
        BigDecimal other = exact.round(new MathContext(precision, away));
        return parses(other, magnitude) ? other : null;
    }

    private static boolean parses(BigDecimal decimal, double magnitude) {
        return Double.parseDouble(decimal.toString()) == magnitude;
    }

    private static int writeDigits(byte[] target, int pos, String digits, int scale) {
        int count = digits.length();
        if (scale <= 0) {
            pos = ascii(target, pos, digits, 0, count);
            return zeros(target, pos, -scale);
        }
        if (count <= scale) {
            target[pos++] = '0';
            target[pos++] = '.';
            pos = zeros(target, pos, scale - count);
            return ascii(target, pos, digits, 0, count);
        }
        pos = ascii(target, pos, digits, 0, count - scale);
        target[pos++] = '.';
        return ascii(target, pos, digits, count - scale, count);
    }

    private static int ascii(byte[] target, int pos, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            target[pos++] = (byte) text.charAt(i);
        }
        return pos;
    }

    private static int zeros(byte[] target, int pos, int count) {
        for (int i = 0; i < count; i++) {
            target[pos++] = '0';
        }
        return pos;
    }
}
