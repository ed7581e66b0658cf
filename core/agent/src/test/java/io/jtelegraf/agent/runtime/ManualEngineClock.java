package io.jtelegraf.agent.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EngineClock} that only moves when the test says so. Threads waiting in
 * {@link #awaitUntil} wake when {@link #advance} passes their deadline, and
 * {@link #awaitBlockedThreads} lets the test wait until the engine threads are idle again.
 */
final class ManualEngineClock implements EngineClock {
    private volatile long now;
    private final Map<Thread, Waiter> waiters = new ConcurrentHashMap<>();

    private record Waiter(long deadline, Wakeup wakeup) {
    }

    ManualEngineClock(Instant start) {
        this.now = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public boolean awaitUntil(long deadlineNanos, Wakeup wakeup) throws InterruptedException {
        synchronized (wakeup) {
            try {
                while (true) {
                    // Register before reading the time, so an advance() cannot slip in between.
                    waiters.put(Thread.currentThread(), new Waiter(deadlineNanos, wakeup));
                    synchronized (this) {
                        notifyAll();
                    }
                    if (wakeup.consume()) {
                        return false;
                    }
                    if (now >= deadlineNanos) {
                        return true;
                    }
                    wakeup.wait();
                }
            } finally {
                waiters.remove(Thread.currentThread());
            }
        }
    }

    void advance(Duration duration) {
        set(now + duration.toNanos());
    }

    void set(long epochNanos) {
        now = epochNanos;
        for (Waiter waiter : waiters.values()) {
            synchronized (waiter.wakeup()) {
                waiter.wakeup().notifyAll();
            }
        }
    }

    /** Waits (bounded) until exactly {@code count} threads wait for a future deadline with no signal pending. */
    void awaitBlockedThreads(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            long idle = waiters.values().stream()
                    .filter(w -> w.deadline() > now && !w.wakeup().isSignalled())
                    .count();
            if (idle == count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " idle engine threads, found " + idle);
            }
            synchronized (this) {
                wait(5);
            }
        }
    }
}
