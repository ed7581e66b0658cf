package io.jtelegraf.agent.runtime;

import io.jtelegraf.spi.Accumulator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * Gathers one input on its {@link TickSchedule} (spec 4.2, 4.3). The gather runs on its own
 * thread while this loop watches the clock: every interval it is still running logs
 * {@code Collection took longer than expected; not complete after interval of <d>} and counts a
 * gather timeout; ticks that pass meanwhile are skipped (debug line). Gathers never overlap and
 * are never queued: the next one starts at the first tick after completion.
 *
 * <p>Threading: {@link #run} on a dedicated thread; {@link #stop} from any thread. Stopping lets
 * an in-flight gather finish.
 */
final class GatherLoop implements Runnable {
    private final RunningInput input;
    private final Accumulator accumulator;
    private final EngineClock clock;
    private final RandomGenerator random;
    private final Wakeup wakeup = new Wakeup();
    private final ExecutorService gatherThread;
    private volatile boolean stopped;
    private volatile long completedGathers;

    GatherLoop(RunningInput input, Accumulator accumulator, EngineClock clock, RandomGenerator random) {
        this.input = input;
        this.accumulator = accumulator;
        this.clock = clock;
        this.random = random;
        this.gatherThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gather " + input.logName());
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop() {
        stopped = true;
        wakeup.signal();
    }

    /** Gathers finished so far (observed by this loop); lets tests wait for progress. */
    long completedGathers() {
        return completedGathers;
    }

    @Override
    public void run() {
        InputSettings settings = input.settings();
        Duration interval = settings.interval();
        TickSchedule schedule = new TickSchedule(clock.nowNanos(), interval, settings.roundInterval(),
                settings.collectionOffset(), settings.collectionJitter(), random);
        try {
            long nextTick = schedule.next();
            while (!stopped) {
                if (!clock.awaitUntil(nextTick, wakeup) && clock.nowNanos() < nextTick) {
                    continue;
                }
                if (stopped) {
                    break;
                }
                nextTick = schedule.next();
                nextTick = gatherOnce(interval.toNanos(), nextTick, schedule);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            gatherThread.shutdown();
        }
    }

    /** Runs one gather and waits for it; returns the next tick not yet passed. */
    private long gatherOnce(long interval, long nextTick, TickSchedule schedule) throws InterruptedException {
        long start = clock.nowNanos();
        long warnAt = start + interval;
        // Set before the signal, so the loop never wakes to a gather that looks unfinished.
        AtomicBoolean done = new AtomicBoolean();
        gatherThread.execute(() -> {
            try {
                input.gather(accumulator);
            } finally {
                done.set(true);
                wakeup.signal();
            }
        });
        while (!done.get()) {
            clock.awaitUntil(Math.min(nextTick, warnAt), wakeup);
            if (done.get()) {
                break;
            }
            long now = clock.nowNanos();
            while (now >= nextTick) {
                input.logger().debug("Previous collection has not completed; scheduled collection skipped");
                nextTick = schedule.next();
            }
            while (now >= warnAt) {
                // Counted before it is logged: whoever reads the warning finds the timeout counted.
                input.stats().gatherTimedOut();
                input.logger().warn("Collection took longer than expected; not complete after interval of "
                        + GoDurations.format(Duration.ofNanos(interval)));
                warnAt += interval;
            }
        }
        completedGathers++;
        return nextTick;
    }
}
