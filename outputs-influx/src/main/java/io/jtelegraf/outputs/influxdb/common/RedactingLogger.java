package io.jtelegraf.outputs.influxdb.common;

import io.jtelegraf.spi.Logger;

/**
 * Masks secrets in every line before it reaches the plugin's logger, including the message of
 * a logged cause (folded into the line, so the raw cause never reaches the log).
 *
 * <p>Threading: as thread-safe as the wrapped logger.
 */
public final class RedactingLogger implements Logger {
    private final Logger delegate;
    private final Redactor redactor;

    public RedactingLogger(Logger delegate, Redactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    @Override
    public void error(String message) {
        delegate.error(redactor.redact(message));
    }

    @Override
    public void error(String message, Throwable cause) {
        if (cause == null) {
            error(message);
            return;
        }
        String causeText = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        delegate.error(redactor.redact(message + ": " + causeText));
    }

    @Override
    public void warn(String message) {
        delegate.warn(redactor.redact(message));
    }

    @Override
    public void info(String message) {
        delegate.info(redactor.redact(message));
    }

    @Override
    public void debug(String message) {
        delegate.debug(redactor.redact(message));
    }

    @Override
    public void trace(String message) {
        delegate.trace(redactor.redact(message));
    }

    @Override
    public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }
}
