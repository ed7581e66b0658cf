package io.jtelegraf.distribution.kernel;

import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.PluginContext;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;

/**
 * The plugin context of {@link GuestProbeMain}: the system clock and a logger that writes
 * Telegraf-style lines ({@code E! [inputs.ipvs] message}) to standard error.
 */
final class ProbePluginContext implements PluginContext {
    private final String pluginId;
    private final Logger logger;

    ProbePluginContext(String pluginId, PrintStream log) {
        this.pluginId = pluginId;
        this.logger = new StreamLogger("[" + pluginId + "] ", log);
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Optional<String> alias() {
        return Optional.empty();
    }

    /** Writes every level, debug included: the probe's log is read by tests, not people. */
    private static final class StreamLogger implements Logger {
        private final String prefix;
        private final PrintStream out;

        StreamLogger(String prefix, PrintStream out) {
            this.prefix = prefix;
            this.out = out;
        }

        @Override
        public void error(String message) {
            write("E! ", message);
        }

        @Override
        public void error(String message, Throwable cause) {
            write("E! ", cause == null ? message : message + ": " + cause.getMessage());
        }

        @Override
        public void warn(String message) {
            write("W! ", message);
        }

        @Override
        public void info(String message) {
            write("I! ", message);
        }

        @Override
        public void debug(String message) {
            write("D! ", message);
        }

        @Override
        public void trace(String message) {
            write("T! ", message);
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        private void write(String level, String message) {
            out.println(level + prefix + message);
            out.flush();
        }
    }
}
