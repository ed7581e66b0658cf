package io.jtelegraf.spi;

import java.util.List;

/**
 * A plugin that writes batches of metrics somewhere.
 *
 * <p>Lifecycle: created by its {@link OutputFactory}; {@link #connect} once before the first
 * write (a failure is retried once after 15 s, then start-up fails); {@link #write} for every
 * batch; {@link #close} once at shutdown or reload after the final write.
 *
 * <p>Threading: the runtime never calls {@code write} and {@code close} at the same time, and
 * never runs two {@code write}s of one instance at once, so outputs need no locks.
 *
 * <p>Error contract (Telegraf's): returning normally accepts the whole batch. Throwing any
 * exception keeps the whole batch buffered and retries it at the next flush. Throwing
 * {@link PartialWriteException} accepts some metrics, drops others for good and keeps the rest.
 * A metric that can never be written (the server rejected it permanently) should be logged and
 * dropped, by returning normally or listing it as rejected, so it does not block the buffer.
 */
public interface Output extends AutoCloseable {

    /** Opens connections or files. The default does nothing. */
    default void connect() throws Exception {
    }

    /**
     * Writes one batch, in buffer order (oldest first).
     *
     * @param metrics an unmodifiable batch; the metrics are shared with other outputs and must
     *     not be changed
     * @throws PartialWriteException when only a part of the batch was accepted or rejected
     * @throws Exception when nothing was written; the batch is retried
     */
    void write(List<Metric> metrics) throws Exception;

    /** Releases connections and files. Called once, after the last write. */
    @Override
    default void close() throws Exception {
    }
}
