package io.jtelegraf.testkit;

import io.jtelegraf.spi.PluginContext;
import java.time.Clock;
import java.util.Optional;

/** A {@link PluginContext} for tests, with a {@link RecordingLogger} and a chosen clock. */
public final class TestPluginContext implements PluginContext {
    private final String pluginId;
    private final Clock clock;
    private final RecordingLogger logger = new RecordingLogger();

    public TestPluginContext(String pluginId) {
        this(pluginId, Clock.systemUTC());
    }

    public TestPluginContext(String pluginId, Clock clock) {
        this.pluginId = pluginId;
        this.clock = clock;
    }

    @Override
    public RecordingLogger logger() {
        return logger;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public Optional<String> alias() {
        return Optional.empty();
    }

    @Override
    public String agentVersion() {
        return "0.0.0-test";
    }
}
