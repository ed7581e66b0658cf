package io.jtelegraf.agent.runtime;

import java.util.random.RandomGenerator;

/**
 * Flushes one output (spec 4.5): on an unaligned timer, {@code flush_interval} plus a fresh
 * random jitter in [0, flush_jitter) after the previous timer tick, a full write; on a
 * batch-ready signal, one batch at once. When stopped it makes one final full write and closes
 * the output.
 *
 * <p>A write that outlasts timer ticks logs {@code Did not complete within flush interval}; the
 * ticks that passed meanwhile cause one immediate flush (Telegraf's tick channel holds one), and
 * the timer goes on from its own chain of ticks.
 *
 * <p>Threading: {@link #run} on a dedicated thread per output, so a slow output delays nobody
 * else; {@link #stop} from any thread.
 */
final class FlushLoop implements Runnable {
    private final RunningOutput output;
    private final EngineClock clock;
    private final RandomGenerator random;
    private final long interval;
    private final long jitter;
    private volatile boolean stopped;
    private volatile boolean finished;

    FlushLoop(RunningOutput output, EngineClock clock, RandomGenerator random) {
        this.output = output;
        this.clock = clock;
        this.random = random;
        this.interval = output.settings().flushInterval().toNanos();
        this.jitter = output.settings().flushJitter().toNanos();
    }

    /** Ends the loop; it then writes the buffer a last time and closes the output. */
    void stop() {
        stopped = true;
        output.flushWakeup().signal();
    }

    /** Whether the final write and close are done. */
    boolean finished() {
        return finished;
    }

    private long nextDelay() {
        return interval + (jitter > 0 ? random.nextLong(jitter) : 0);
    }

    @Override
    public void run() {
        try {
            long nextTick = clock.nowNanos() + nextDelay();
            boolean tickPending = false;
            while (!stopped) {
                if (!tickPending) {
                    clock.awaitUntil(nextTick, output.flushWakeup());
                    if (stopped) {
                        break;
                    }
                    if (clock.nowNanos() >= nextTick) {
                        nextTick += nextDelay();
                        tickPending = true;
                    }
                }
                boolean full = tickPending;
                tickPending = false;
                if (!full && !output.takeBatchReady()) {
                    continue;
                }
                Exception ignored = full ? output.writeAll() : output.writeBatch();
                // Errors are already logged by the output ("Error writing to ..."); the next tick retries.
                long now = clock.nowNanos();
                while (now >= nextTick) {
                    nextTick += nextDelay();
                    tickPending = true;
                }
                if (tickPending) {
                    output.logger().warn("Did not complete within flush interval");
                }
                output.logBufferStatus();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void finish() {
        try {
            output.writeAll();
            output.logBufferStatus();
        } finally {
            output.close();
            finished = true;
        }
    }
}
