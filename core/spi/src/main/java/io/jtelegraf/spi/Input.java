package io.jtelegraf.spi;

/**
 * A plugin that gathers metrics when the runtime asks, on the schedule of its {@code interval}.
 *
 * <p>Lifecycle: created by its {@link InputFactory}, then {@link #gather} is called once per
 * interval (never twice at the same time for one instance: a gather that outlasts its interval
 * makes the runtime skip ticks), then {@link #close} once at shutdown or reload.
 *
 * <p>Threading: {@code gather} calls may come from different threads, one at a time, with a
 * happens-before edge between them, so an input needs no locks for its own state.
 */
public interface Input extends AutoCloseable {

    /**
     * Gathers once and hands the metrics to {@code accumulator}.
     *
     * @throws Exception an error that made this gather fail; the runtime logs it as
     *     {@code Error in plugin}, counts a gather error and calls {@code gather} again at the
     *     next interval
     */
    void gather(Accumulator accumulator) throws Exception;

    /** Releases resources. Called once, never during {@link #gather}. The default does nothing. */
    @Override
    default void close() {
    }
}
