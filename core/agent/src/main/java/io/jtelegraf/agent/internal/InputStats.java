package io.jtelegraf.agent.internal;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one input instance ({@code internal_gather}); each update also updates the
 * agent-wide counter it belongs to.
 *
 * <p>Threading: lock-free counters, safe from any thread.
 */
public final class InputStats {
    private final String input;
    private final Optional<String> alias;
    private final long id;
    private final AgentStats agent;
    private final LongAdder errors = new LongAdder();
    private final LongAdder gatherErrors = new LongAdder();
    private final LongAdder gatherTimeouts = new LongAdder();
    private final LongAdder metricsGathered = new LongAdder();
    private final LongAdder startupErrors = new LongAdder();
    private final AverageTimer gatherTime = new AverageTimer();

    InputStats(String input, Optional<String> alias, long id, AgentStats agent) {
        this.input = input;
        this.alias = alias;
        this.id = id;
        this.agent = agent;
    }

    /** The plugin name without section, the {@code input} tag: {@code ipvs}. */
    public String input() {
        return input;
    }

    public Optional<String> alias() {
        return alias;
    }

    /** A number unique to this instance within the process, the {@code _id} tag. */
    public long id() {
        return id;
    }

    /** An error line from the input's logger; counts towards the agent's gather_errors too. */
    public void errorLogged() {
        errors.increment();
        agent.gatherErrors.increment();
    }

    /** A gather that returned an error. */
    public void gatherFailed() {
        gatherErrors.increment();
    }

    public void gatherTimedOut() {
        gatherTimeouts.increment();
        agent.gatherTimeouts.increment();
    }

    public void metricGathered() {
        metricsGathered.increment();
        agent.metricsGathered.increment();
    }

    public void startupFailed() {
        startupErrors.increment();
    }

    public void gatherTook(long nanos) {
        gatherTime.record(nanos);
    }

    public long errors() {
        return errors.sum();
    }

    public long gatherErrors() {
        return gatherErrors.sum();
    }

    public long gatherTimeouts() {
        return gatherTimeouts.sum();
    }

    public long metricsGathered() {
        return metricsGathered.sum();
    }

    public long startupErrors() {
        return startupErrors.sum();
    }

    /** The average gather time since the last call, then resets (0 when no gather ran). */
    public long gatherTimeAverageAndReset() {
        return gatherTime.averageAndReset();
    }
}
