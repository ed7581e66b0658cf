package io.jtelegraf.agent.logging;

import io.jtelegraf.spi.Logger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link Logger} of one log source ({@code inputs.ipvs}, {@code inputs.ipvs::alias},
 * {@code outputs.influxdb}, {@code agent}). Lines as severe as its threshold or more go to the
 * process's current {@link LogSink}, so a logger made before a reload writes where the reloaded
 * settings say. It counts its error lines, whether or not the threshold lets them through, as
 * Telegraf's logger does: the count feeds the {@code errors} fields of {@code internal_gather} and
 * {@code internal_write}, and the error listener lets the runtime count agent-wide gather errors.
 *
 * <p>Threading: safe for use from any thread.
 */
public final class PluginLogger implements Logger {
    private final String source;
    private final LogLevel threshold;
    private final LongAdder errorLines = new LongAdder();
    private final Runnable errorListener;

    PluginLogger(String source, LogLevel threshold, Runnable errorListener) {
        this.source = source;
        this.threshold = threshold;
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
        log(LogLevel.ERROR, message, null);
    }

    @Override
    public void error(String message, Throwable cause) {
        countError();
        log(LogLevel.ERROR, message, cause);
    }

    @Override
    public void warn(String message) {
        log(LogLevel.WARN, message, null);
    }

    @Override
    public void info(String message) {
        log(LogLevel.INFO, message, null);
    }

    @Override
    public void debug(String message) {
        log(LogLevel.DEBUG, message, null);
    }

    @Override
    public void trace(String message) {
        log(LogLevel.TRACE, message, null);
    }

    @Override
    public boolean isDebugEnabled() {
        return threshold.shows(LogLevel.DEBUG);
    }

    private void log(LogLevel level, String message, Throwable cause) {
        if (threshold.shows(level)) {
            AgentLogging.currentSink().write(level, source, message, cause);
        }
    }

    private void countError() {
        errorLines.increment();
        errorListener.run();
    }
}
