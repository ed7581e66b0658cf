package io.jtelegraf.spi;

/**
 * An input that produces metrics on its own (a listener, a subscription) between
 * {@link #start} and {@link #stop}, in addition to any {@link #gather} calls.
 *
 * <p>Lifecycle: {@code start} once before the first gather; {@code stop} once at shutdown, before
 * {@link #close}. The accumulator given to {@code start} may be used from any thread until
 * {@code stop} returns; {@code stop} must drain metrics in flight into it before returning.
 */
public interface ServiceInput extends Input {

    /**
     * Starts producing metrics into {@code accumulator}.
     *
     * @throws Exception when the service cannot start; the runtime reports it and aborts start-up
     */
    void start(Accumulator accumulator) throws Exception;

    /** Stops producing metrics, after delivering those in flight. */
    void stop();
}
