package io.jtelegraf.agent.runtime;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The gather schedule of one input (spec 4.2). With {@code round_interval} the first slot is
 * {@code AlignUp(start + interval/100, interval)}, else {@code start}; then the offset is added.
 * Each firing is at its slot plus a fresh random jitter in [0, jitter), and slots advance by
 * exactly the interval, so jitter never accumulates into drift.
 *
 * <p>Threading: used by one gather loop thread.
 */
final class TickSchedule {
    private final long interval;
    private final long jitter;
    private final RandomGenerator random;
    private long slot;

    TickSchedule(long startNanos, Duration interval, boolean roundInterval, Duration offset, Duration jitter,
                 RandomGenerator random) {
        this.interval = interval.toNanos();
        this.jitter = jitter.toNanos();
        this.random = random;
        long first = roundInterval ? new TimeGrid(interval).alignUp(startNanos + this.interval / 100) : startNanos;
        this.slot = first + offset.toNanos();
    }

    /** The next firing time, in epoch nanoseconds; advances the schedule by one slot. */
    long next() {
        long fire = slot + (jitter > 0 ? random.nextLong(jitter) : 0);
        slot += interval;
        return fire;
    }
}
