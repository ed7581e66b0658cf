package io.jtelegraf.testkit;

import io.jtelegraf.spi.Logger;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Logger} that records lines as {@code "E! message"}, {@code "W! ..."}, {@code "I! ..."},
 * {@code "D! ..."} or {@code "T! ..."}; a cause's message is appended after {@code ": "}.
 * Thread-safe.
 */
public final class RecordingLogger implements Logger {
    private final List<String> lines = new ArrayList<>();

    @Override
    public void error(String message) {
        record("E! ", message);
    }

    @Override
    public void error(String message, Throwable cause) {
        record("E! ", cause == null ? message : message + ": " + cause.getMessage());
    }

    @Override
    public void warn(String message) {
        record("W! ", message);
    }

    @Override
    public void info(String message) {
        record("I! ", message);
    }

    @Override
    public void debug(String message) {
        record("D! ", message);
    }

    @Override
    public void trace(String message) {
        record("T! ", message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    /** Every line recorded so far, in order. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private synchronized void record(String level, String message) {
        lines.add(level + message);
    }
}
