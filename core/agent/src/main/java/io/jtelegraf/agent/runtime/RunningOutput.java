package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.buffer.DiskBuffer;
import io.jtelegraf.agent.buffer.OutputBuffer;
import io.jtelegraf.agent.filter.MetricFilter;
import io.jtelegraf.agent.internal.OutputStats;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.PartialWriteException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One output instance with Telegraf's {@code RunningOutput} behaviour (spec 2.4 output side and
 * 4.5): filters, renaming, an {@link OutputBuffer} (the {@link MetricBuffer} ring, or a
 * {@link DiskBuffer} once {@link #openDurableBuffer} ran), batching, the write result contract and
 * the "batch ready" early-flush signal.
 *
 * <p>Threading: {@link #add} is called by gather threads and only touches the buffer, so inputs
 * never wait for an output's I/O. Writes and {@link #close} run under one lock, so the plugin
 * never sees them overlap.
 */
public final class RunningOutput {
    private final Output output;
    private final OutputSettings settings;
    private final Logger logger;
    private final Logger agentLogger;
    private final OutputStats stats;
    private final MetricFilter filter;
    private final DurableBufferOpener durableBuffer;
    private volatile OutputBuffer buffer;
    private final Wakeup flushWakeup = new Wakeup();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private volatile boolean lastWriteFailed;
    private volatile boolean writeInFlight;
    private volatile boolean batchReady;
    private boolean closed;

    /**
     * @param logger the plugin's logger (source {@code outputs.<name>[::alias]})
     * @param agentLogger the {@code agent} logger, which reports write errors as Telegraf does
     * @throws IllegalArgumentException when a filter pattern is invalid
     */
    public RunningOutput(Output output, OutputSettings settings, Logger logger, Logger agentLogger,
                         OutputStats stats) {
        this(output, settings, logger, agentLogger, stats, null);
    }

    /**
     * @param durableBuffer opens the disk buffer that replaces the memory one when the agent
     *     runs; null keeps the memory buffer
     */
    RunningOutput(Output output, OutputSettings settings, Logger logger, Logger agentLogger, OutputStats stats,
                  DurableBufferOpener durableBuffer) {
        this.output = output;
        this.settings = settings;
        this.logger = logger;
        this.agentLogger = agentLogger;
        this.stats = stats;
        this.filter = MetricFilter.compile(settings.filter());
        this.durableBuffer = durableBuffer;
        this.buffer = new MemoryOutputBuffer(settings.metricBufferLimit());
        stats.bindBuffer(settings.metricBufferLimit(), () -> buffer.size());
    }

    /**
     * Switches to the disk buffer, when one is configured, and takes over what it recovered.
     * Called once before the first metric arrives; {@code --once} and {@code --test} never call
     * it and keep the memory buffer.
     *
     * @throws IOException when the buffer folder cannot be used, naming it
     */
    void openDurableBuffer() throws IOException {
        if (durableBuffer == null) {
            return;
        }
        DiskBuffer disk = durableBuffer.open();
        buffer = disk;
        logger.info("Buffering metrics on disk in " + disk.folder());
        if (disk.droppedOnOpen() > 0) {
            stats.metricsDropped(disk.droppedOnOpen());
            droppedSinceWarning.addAndGet(disk.droppedOnOpen());
        }
        signalIfBatchReady();
    }

    /** {@code outputs.influxdb} or {@code outputs.influxdb::alias}. */
    public String logName() {
        return settings.logName();
    }

    public OutputSettings settings() {
        return settings;
    }

    public OutputStats stats() {
        return stats;
    }

    /** Metrics waiting in the buffer. */
    public int bufferSize() {
        return buffer.size();
    }

    Logger logger() {
        return logger;
    }

    /** Signalled when a full batch is waiting; the flush loop waits on it. */
    Wakeup flushWakeup() {
        return flushWakeup;
    }

    /** Output-side pipeline: selectors, modifiers, drop without fields, rename, buffer. */
    public void add(Metric metric) {
        if (!filter.select(metric)) {
            stats.metricFiltered();
            return;
        }
        Metric.Builder copy = null;
        if (filter.hasModifiers()) {
            copy = metric.toBuilder();
            filter.modify(copy);
            if (copy.fieldCount() == 0) {
                stats.metricFiltered();
                return;
            }
        }
        if (!settings.nameOverride().isEmpty() || !settings.namePrefix().isEmpty() || !settings.nameSuffix().isEmpty()) {
            copy = copy != null ? copy : metric.toBuilder();
            String base = settings.nameOverride().isEmpty() ? metric.name() : settings.nameOverride();
            copy.name(settings.namePrefix() + base + settings.nameSuffix());
        }
        int dropped = buffer.add(copy != null ? copy.build() : metric);
        stats.metricsAdded(1);
        if (dropped > 0) {
            stats.metricsDropped(dropped);
            droppedSinceWarning.addAndGet(dropped);
        }
        signalIfBatchReady();
    }

    /** Consumes a pending batch-ready signal. */
    boolean takeBatchReady() {
        boolean ready = batchReady;
        batchReady = false;
        return ready;
    }

    private void signalIfBatchReady() {
        if (!batchReady && !lastWriteFailed && !writeInFlight && buffer.size() >= settings.metricBatchSize()) {
            batchReady = true;
            flushWakeup.signal();
        }
    }

    /** Opens the plugin's connection. */
    void connect() throws Exception {
        output.connect();
    }

    /**
     * A full flush: {@code floor(n / batch) + 1} transactions over what is buffered now, stopping
     * at the first error.
     *
     * @return the error of the failed transaction, or null
     */
    Exception writeAll() {
        writeLock.lock();
        try {
            // This flush covers whatever a pending batch-ready signal was about.
            batchReady = false;
            warnAboutDrops();
            int batches = buffer.size() / settings.metricBatchSize() + 1;
            for (int i = 0; i < batches; i++) {
                List<Metric> batch = buffer.take(settings.metricBatchSize());
                if (batch.isEmpty()) {
                    return null;
                }
                Exception error = transaction(batch);
                if (error != null) {
                    return error;
                }
            }
            return null;
        } finally {
            writeLock.unlock();
            signalIfBatchReady();
        }
    }

    /** One transaction of at most one batch, for the early flush. */
    Exception writeBatch() {
        writeLock.lock();
        try {
            warnAboutDrops();
            List<Metric> batch = buffer.take(settings.metricBatchSize());
            return batch.isEmpty() ? null : transaction(batch);
        } finally {
            writeLock.unlock();
            signalIfBatchReady();
        }
    }

    /** Logs {@code Buffer fullness: n / limit metrics} at debug level. */
    void logBufferStatus() {
        logger.debug("Buffer fullness: " + buffer.size() + " / " + settings.metricBufferLimit() + " metrics");
    }

    private void warnAboutDrops() {
        long dropped = droppedSinceWarning.getAndSet(0);
        if (dropped > 0) {
            logger.warn("Metric buffer overflow; " + dropped + " metrics have been dropped");
        }
    }

    private Exception transaction(List<Metric> batch) {
        writeInFlight = true;
        long start = System.nanoTime();
        Exception error = null;
        try {
            output.write(Collections.unmodifiableList(batch));
        } catch (Exception e) {
            error = e;
        } finally {
            writeInFlight = false;
        }
        long took = System.nanoTime() - start;
        stats.writeTook(took);
        if (error == null) {
            buffer.end(List.of());
            stats.metricsWritten(batch.size());
            lastWriteFailed = false;
            logger.debug("Wrote batch of " + batch.size() + " metrics in " + GoDurations.format(java.time.Duration.ofNanos(took)));
            return null;
        }
        lastWriteFailed = true;
        stats.writeFailed();
        agentLogger.error("Error writing to " + logName() + ": " + RunningInput.describe(error));
        List<Metric> kept = error instanceof PartialWriteException partial ? settle(batch, partial) : batch;
        int lost = buffer.end(kept);
        if (lost > 0) {
            stats.metricsDropped(lost);
            droppedSinceWarning.addAndGet(lost);
        }
        return error;
    }

    /** Counts the accepted and rejected metrics of a partial write; returns the ones to keep. */
    private List<Metric> settle(List<Metric> batch, PartialWriteException partial) {
        BitSet settled = new BitSet(batch.size());
        int written = 0;
        for (int index : partial.accepted()) {
            if (index >= 0 && index < batch.size() && !settled.get(index)) {
                settled.set(index);
                written++;
            }
        }
        int rejected = 0;
        for (int index : partial.rejected()) {
            if (index >= 0 && index < batch.size() && !settled.get(index)) {
                settled.set(index);
                rejected++;
            }
        }
        stats.metricsWritten(written);
        stats.metricsRejected(rejected);
        List<Metric> kept = new ArrayList<>(batch.size() - written - rejected);
        for (int i = 0; i < batch.size(); i++) {
            if (!settled.get(i)) {
                kept.add(batch.get(i));
            }
        }
        return kept;
    }

    /** Closes the plugin once, never during a write. */
    void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                output.close();
            } finally {
                buffer.close();
            }
        } catch (Exception e) {
            agentLogger.error("Error closing " + logName() + ": " + RunningInput.describe(e));
        } finally {
            writeLock.unlock();
        }
    }
}
