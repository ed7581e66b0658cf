package io.jtelegraf.agent.runtime;

import java.math.BigInteger;
import java.time.Duration;

/**
 * Multiples of a step counted from Go's zero time (0001-01-01T00:00:00Z), as Go's
 * {@code Time.Round}, {@code Time.Truncate} and Telegraf's {@code AlignTime} count them. For steps
 * that divide a day this equals Unix-epoch alignment; for others (7 s) it does not.
 *
 * <p>Threading: immutable.
 */
final class TimeGrid {
    /** Nanoseconds from Go's zero time to the Unix epoch: 62135596800 s. */
    private static final BigInteger ZERO_TIME_TO_EPOCH = BigInteger.valueOf(62_135_596_800L)
            .multiply(BigInteger.valueOf(1_000_000_000L));

    private final long step;
    private final long originOffset;

    /** @param step the grid step; zero or negative means "no grid" (times are kept as they are) */
    TimeGrid(Duration step) {
        this.step = step.toNanos();
        this.originOffset = this.step > 0 ? ZERO_TIME_TO_EPOCH.mod(BigInteger.valueOf(this.step)).longValue() : 0;
    }

    long stepNanos() {
        return step;
    }

    /** How far {@code epochNanos} lies past the previous multiple, in [0, step). */
    private long remainder(long epochNanos) {
        return Math.floorMod(Math.floorMod(epochNanos, step) + originOffset, step);
    }

    /** The nearest multiple; exact halves round up (Go's {@code Time.Round}). */
    long round(long epochNanos) {
        if (step <= 0) {
            return epochNanos;
        }
        long r = remainder(epochNanos);
        return r + r < step ? epochNanos - r : epochNanos + (step - r);
    }

    /** {@code epochNanos} when it is a multiple, else the next multiple. */
    long alignUp(long epochNanos) {
        if (step <= 0) {
            return epochNanos;
        }
        long r = remainder(epochNanos);
        return r == 0 ? epochNanos : epochNanos + (step - r);
    }

    /**
     * The precision timestamps are rounded to (spec 4.4): the configured one when set, else
     * derived from the interval: 1 s for intervals of a second or more, 1 ms, 1 us, else 1 ns.
     */
    static Duration effectivePrecision(Duration configured, Duration interval) {
        if (configured.compareTo(Duration.ZERO) > 0) {
            return configured;
        }
        long nanos = interval.toNanos();
        if (nanos >= 1_000_000_000L) {
            return Duration.ofSeconds(1);
        }
        if (nanos >= 1_000_000L) {
            return Duration.ofMillis(1);
        }
        if (nanos >= 1_000L) {
            return Duration.ofNanos(1_000);
        }
        return Duration.ofNanos(1);
    }
}
