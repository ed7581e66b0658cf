package io.jtelegraf.agent.internal;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The counters of one output instance ({@code internal_write}); each update also updates the
 * agent-wide counter it belongs to.
 *
 * <p>Threading: lock-free counters, safe from any thread.
 */
public final class OutputStats {
    private final String output;
    private final Optional<String> alias;
    private final long id;
    private final AgentStats agent;
    private final LongAdder errors = new LongAdder();
    private final LongAdder metricsAdded = new LongAdder();
    private final LongAdder metricsDropped = new LongAdder();
    private final LongAdder metricsFiltered = new LongAdder();
    private final LongAdder metricsRejected = new LongAdder();
    private final LongAdder metricsWritten = new LongAdder();
    private final LongAdder startupErrors = new LongAdder();
    private final LongAdder writeErrors = new LongAdder();
    private final AverageTimer writeTime = new AverageTimer();
    private volatile long bufferLimit;
    private volatile LongSupplier bufferSize = () -> 0;

    OutputStats(String output, Optional<String> alias, long id, AgentStats agent) {
        this.output = output;
        this.alias = alias;
        this.id = id;
        this.agent = agent;
    }

    /** The plugin name without section, the {@code output} tag: {@code influxdb}. */
    public String output() {
        return output;
    }

    public Optional<String> alias() {
        return alias;
    }

    public long id() {
        return id;
    }

    /** Connects the buffer gauges; called once by the output's runtime wrapper. */
    public void bindBuffer(long limit, LongSupplier size) {
        this.bufferLimit = limit;
        this.bufferSize = size;
    }

    public void errorLogged() {
        errors.increment();
    }

    public void metricsAdded(long count) {
        metricsAdded.add(count);
    }

    public void metricsDropped(long count) {
        metricsDropped.add(count);
        agent.metricsDropped.add(count);
    }

    public void metricFiltered() {
        metricsFiltered.increment();
    }

    public void metricsRejected(long count) {
        metricsRejected.add(count);
        agent.metricsRejected.add(count);
    }

    public void metricsWritten(long count) {
        metricsWritten.add(count);
        agent.metricsWritten.add(count);
    }

    public void startupFailed() {
        startupErrors.increment();
    }

    public void writeFailed() {
        writeErrors.increment();
        agent.writeErrors.increment();
    }

    public void writeTook(long nanos) {
        writeTime.record(nanos);
    }

    public long bufferLimit() {
        return bufferLimit;
    }

    public long bufferSize() {
        return bufferSize.getAsLong();
    }

    public long errors() {
        return errors.sum();
    }

    public long metricsAdded() {
        return metricsAdded.sum();
    }

    public long metricsDropped() {
        return metricsDropped.sum();
    }

    public long metricsFiltered() {
        return metricsFiltered.sum();
    }

    public long metricsRejected() {
        return metricsRejected.sum();
    }

    public long metricsWritten() {
        return metricsWritten.sum();
    }

    public long startupErrors() {
        return startupErrors.sum();
    }

    public long writeErrors() {
        return writeErrors.sum();
    }

    /** The average write time since the last call, then resets. */
    public long writeTimeAverageAndReset() {
        return writeTime.averageAndReset();
    }
}
