package io.jtelegraf.agent.logging;

import io.jtelegraf.spi.Logger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link Logger} of one log source ({@code inputs.ipvs}, {@code inputs.ipvs::alias},
 * {@code outputs.influxdb}, {@code agent}) over SLF4J. It counts its error lines, whether or not
 * the level lets them through, as Telegraf's logger does: the count feeds the {@code errors}
 * fields of {@code internal_gather} and {@code internal_write}, and the error listener lets the
 * runtime count agent-wide gather errors.
 *
 * <p>Threading: safe for use from any thread.
 */
public final class PluginLogger implements Logger {
    private final String source;
    private final org.slf4j.Logger delegate;
    private final LongAdder errorLines = new LongAdder();
    private final Runnable errorListener;

    PluginLogger(String source, org.slf4j.Logger delegate, Runnable errorListener) {
        this.source = source;
        this.delegate = delegate;
        this.errorListener = errorListener;
    }

    /** The source shown between brackets, for example {@code inputs.ipvs::alias}. */
    public String source() {
        return source;
    }

    /** How many error lines this logger was asked to write. */
    public long errorLines() {
        return errorLines.sum();
    }

    @Override
    public void error(String message) {
        countError();
        delegate.error(message);
    }

    @Override
    public void error(String message, Throwable cause) {
        countError();
        delegate.error(message, cause);
    }

    @Override
    public void warn(String message) {
        delegate.warn(message);
    }

    @Override
    public void info(String message) {
        delegate.info(message);
    }

    @Override
    public void debug(String message) {
        delegate.debug(message);
    }

    @Override
    public void trace(String message) {
        delegate.trace(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }

    private void countError() {
        errorLines.increment();
        errorListener.run();
    }
}
