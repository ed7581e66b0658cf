package io.jtelegraf.agent.runtime;

import java.time.Instant;

/** {@link EngineClock} over {@link Instant#now()} and timed monitor waits. */
final class SystemEngineClock implements EngineClock {
    static final SystemEngineClock INSTANCE = new SystemEngineClock();

    private SystemEngineClock() {
    }

    @Override
    public long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean awaitUntil(long deadlineNanos, Wakeup wakeup) throws InterruptedException {
        synchronized (wakeup) {
            while (true) {
                if (wakeup.consume()) {
                    return false;
                }
                long remaining = deadlineNanos - nowNanos();
                if (remaining <= 0) {
                    return true;
                }
                // Re-reading the wall clock after every wake-up keeps deadlines right across
                // clock steps, as Go's timers do not (they follow the monotonic clock).
                wakeup.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
            }
        }
    }
}
