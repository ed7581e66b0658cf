package io.jtelegraf.agent.testing;

import io.jtelegraf.spi.Logger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A logger that keeps lines as {@code "E! message"}, for assertions in the agent's own tests
 * (the testing kit has the same for plugin authors, but it depends on this module).
 */
public final class RecordingLogger implements Logger {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public List<String> lines() {
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
