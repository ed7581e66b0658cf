package io.jtelegraf.agent.runtime;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time the engine schedules by: the wall clock for timestamps and deadlines, and a way to
 * wait for a deadline that a {@link Wakeup} can cut short. Tests substitute a clock they advance
 * by hand, so no test sleeps.
 *
 * <p>Threading: implementations are safe from any thread.
 */
public interface EngineClock {

    /** The current wall time in nanoseconds since the Unix epoch. */
    long nowNanos();

    /**
     * Blocks until {@link #nowNanos()} reaches {@code deadlineNanos} or {@code wakeup} is signalled
     * (consuming the signal).
     *
     * @return true when the deadline was reached, false when woken first
     * @throws InterruptedException when the thread is interrupted
     */
    boolean awaitUntil(long deadlineNanos, Wakeup wakeup) throws InterruptedException;

    /** This clock as a {@link Clock} in UTC, for plugins' {@code PluginContext}. */
    default Clock asClock() {
        EngineClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                long now = self.nowNanos();
                return Instant.ofEpochSecond(Math.floorDiv(now, 1_000_000_000L), Math.floorMod(now, 1_000_000_000L));
            }
        };
    }

    /** The system wall clock. */
    static EngineClock system() {
        return SystemEngineClock.INSTANCE;
    }
}
