package io.jtelegraf.agent.startup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks run one after another on a daemon thread, each of which the main code path may take
 * over before it has begun. A task must do nothing but load and initialise what the main path
 * would otherwise initialise itself, so skipping it, failing in it or racing ahead of it changes
 * nothing but timing.
 *
 * <p>Why the hand-over: two threads that initialise the same library's classes at once can
 * deadlock on a cycle of class initialisers, and some libraries (SLF4J) hand a half-initialised
 * view to a second caller. So the main path calls {@link #claim} before its first use of what a
 * task prepares: a task not yet begun is skipped, a running one is waited for, a finished one
 * costs nothing.
 *
 * <p>Threading: {@link #start} once from any thread; {@link #claim} from any thread, any number of
 * times. Failures inside a task are swallowed: the main path then does the work itself.
 */
final class WarmupTasks<K extends Enum<K>> {
    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int SETTLED = 2;

    /**
     * How long {@link #claim} waits for a running task; past it the main path goes on alone. Long,
     * because going on while a task still initialises a library is what the hand-over exists to
     * prevent (a library seen half-initialised, or two threads' class initialisers deadlocked):
     * a starved machine at boot can stall a thread for seconds, and a task that never ends (it
     * only initialises classes) would be a JVM fault rather than a case to optimise.
     */
    private static final long CLAIM_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final List<K> order;
    private final List<Runnable> work;
    private final Map<K, AtomicInteger> states = new HashMap<>();
    private final Object settled = new Object();

    /**
     * @param order the keys in the order the thread runs their tasks
     * @param work the task of each key, same order
     */
    WarmupTasks(List<K> order, List<Runnable> work) {
        if (order.size() != work.size()) {
            throw new IllegalArgumentException("one task per key");
        }
        this.order = List.copyOf(order);
        this.work = List.copyOf(work);
        for (K key : order) {
            states.put(key, new AtomicInteger(PENDING));
        }
    }

    /** Starts the daemon thread; it never delays the JVM's exit. */
    void start(String threadName) {
        Thread thread = new Thread(this::runAll, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Before the main path's first use of what {@code key}'s task prepares: skips the task if it
     * has not begun, or waits (up to 60 s) for it to end. Returns at once when no thread was started,
     * the task has ended or {@code key} has no task.
     */
    void claim(K key) {
        AtomicInteger state = states.get(key);
        if (state == null || state.get() == SETTLED || state.compareAndSet(PENDING, SETTLED)) {
            return;
        }
        long deadline = System.nanoTime() + CLAIM_WAIT_NANOS;
        synchronized (settled) {
            long left = CLAIM_WAIT_NANOS;
            while (state.get() != SETTLED && left > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(settled, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                left = deadline - System.nanoTime();
            }
        }
    }

    private void runAll() {
        for (int i = 0; i < order.size(); i++) {
            AtomicInteger state = states.get(order.get(i));
            if (!state.compareAndSet(PENDING, RUNNING)) {
                continue;
            }
            try {
                work.get(i).run();
            } catch (Throwable ignored) {
                // Warm-up only: the main path meets the same failure, if any, and reports it there.
            } finally {
                state.set(SETTLED);
                synchronized (settled) {
                    settled.notifyAll();
                }
            }
        }
    }
}
