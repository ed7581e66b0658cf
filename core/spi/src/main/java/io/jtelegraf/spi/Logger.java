package io.jtelegraf.spi;

/**
 * A plugin's logger. Lines come out in Telegraf's format with the plugin's source, for example
 * {@code 2026-11-26T10:00:00Z E! [inputs.ipvs] message}.
 *
 * <p>Threading: safe for use from any thread, for the life of the plugin.
 */
public interface Logger {

    void error(String message);

    void error(String message, Throwable cause);

    void warn(String message);

    void info(String message);

    void debug(String message);

    void trace(String message);

    /** Whether debug lines are written, to skip building expensive messages. */
    boolean isDebugEnabled();
}
