package io.jtelegraf.agent.buffer;

import io.jtelegraf.spi.Metric;
import java.util.List;

/**
 * The metrics one output has yet to deliver (spec 4.5), as a queue with write transactions:
 * {@link #take} hands out a batch of the oldest metrics and {@link #end} settles it. Between the
 * two the batch is in flight: it does not count in {@link #size()} and metrics added meanwhile
 * queue behind it.
 *
 * <p>Implementations: the memory ring of the runtime and {@link DiskBuffer}.
 *
 * <p>Threading: implementations are safe for concurrent use; gather threads {@link #add} while
 * the output's flush thread takes and ends batches. At most one batch is in flight at a time.
 */
public interface OutputBuffer extends AutoCloseable {

    /** The most metrics kept ({@code metric_buffer_limit}). */
    int capacity();

    /** Metrics waiting, not counting a batch in flight. */
    int size();

    /**
     * Appends {@code metric}, dropping the oldest waiting metrics when the buffer is full.
     *
     * @return how many metrics were dropped to make room (or because this one could not be stored)
     */
    int add(Metric metric);

    /**
     * Begins a transaction: up to {@code max} of the oldest metrics, oldest first. An empty list
     * begins no transaction.
     */
    List<Metric> take(int max);

    /**
     * Ends the transaction of the last non-empty {@link #take}: the metrics in {@code kept} (the
     * same instances, in batch order) go back to the front to be retried; every other metric of
     * the batch is gone for good (written or rejected). When the buffer filled up meanwhile, the
     * oldest kept metrics are dropped and only the newest that fit are restored.
     *
     * @return how many kept metrics did not fit and are dropped
     */
    int end(List<Metric> kept);

    /** Releases files and locks; metrics still waiting stay where they are kept. */
    @Override
    void close();
}
