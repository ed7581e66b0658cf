package io.jtelegraf.agent.buffer;

import io.jtelegraf.spi.Logger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps log lines as {@code "W! message"}, for assertions. */
final class LinesLogger implements Logger {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void error(String message) {
        lines.add("E! " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        lines.add("E! " + message + ": " + cause.getMessage());
    }

    @Override
    public void warn(String message) {
        lines.add("W! " + message);
    }

    @Override
    public void info(String message) {
        lines.add("I! " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("D! " + message);
    }

    @Override
    public void trace(String message) {
        lines.add("T! " + message);
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }
}
