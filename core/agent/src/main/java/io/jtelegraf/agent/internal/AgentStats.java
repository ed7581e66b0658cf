package io.jtelegraf.agent.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Agent-wide counters ({@code internal_agent}). Updated by {@link InputStats} and
 * {@link OutputStats} together with their own counters.
 *
 * <p>Threading: lock-free counters, safe from any thread.
 */
public final class AgentStats {
    final LongAdder gatherErrors = new LongAdder();
    final LongAdder gatherTimeouts = new LongAdder();
    final LongAdder metricsDropped = new LongAdder();
    final LongAdder metricsGathered = new LongAdder();
    final LongAdder metricsRejected = new LongAdder();
    final LongAdder metricsWritten = new LongAdder();
    final LongAdder writeErrors = new LongAdder();

    /**
     * Error lines logged by any input, which is what Telegraf counts here; {@code --test} and
     * {@code --once} fail when it is not zero.
     */
    public long gatherErrors() {
        return gatherErrors.sum();
    }

    public long gatherTimeouts() {
        return gatherTimeouts.sum();
    }

    public long metricsDropped() {
        return metricsDropped.sum();
    }

    public long metricsGathered() {
        return metricsGathered.sum();
    }

    public long metricsRejected() {
        return metricsRejected.sum();
    }

    public long metricsWritten() {
        return metricsWritten.sum();
    }

    public long writeErrors() {
        return writeErrors.sum();
    }
}
