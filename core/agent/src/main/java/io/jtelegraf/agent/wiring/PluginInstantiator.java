package io.jtelegraf.agent.wiring;

import io.jtelegraf.agent.config.ConfigLocation;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.config.PluginTable;
import io.jtelegraf.agent.internal.InternalInputFactory;
import io.jtelegraf.agent.logging.LogLevel;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.runtime.AgentBuilder;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.OutputFactory;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Creates one plugin instance per configured table through its factory and hands it to the
 * {@link AgentBuilder}. After a factory returns, every key of the table must have been read, or
 * loading fails naming file, line, plugin and keys.
 */
public final class PluginInstantiator {
    private final LoadedConfig config;
    private final PluginRegistry registry;

    public PluginInstantiator(LoadedConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /**
     * Adds every configured input and output to {@code builder}.
     *
     * @throws ConfigException for an unknown plugin, an option the plugin rejects or an unused key
     */
    public void addAll(AgentBuilder builder) {
        for (PluginTable table : config.inputs()) {
            InputFactory factory = inputFactory(table, builder);
            builder.addInput(table.inputSettings(config.agent()), logLevel(table),
                    context -> withLocation(table, () -> factory.create(table.config(), context)));
            table.requireAllKeysUsed();
        }
        for (PluginTable table : config.outputs()) {
            OutputFactory factory = registry.output(table.name())
                    .orElseThrow(() -> undefined(table, new ArrayList<>(registry.outputs().keySet())))
                    .factory();
            builder.addOutput(table.outputSettings(config.agent()), logLevel(table),
                    context -> withLocation(table, () -> factory.create(table.config(), context)));
            table.requireAllKeysUsed();
        }
    }

    private InputFactory inputFactory(PluginTable table, AgentBuilder builder) {
        InputFactory factory = registry.input(table.name())
                .orElseThrow(() -> undefined(table, new ArrayList<>(registry.inputs().keySet())))
                .factory();
        // inputs.internal reports on the agent being built, so it needs that agent's statistics.
        return factory instanceof InternalInputFactory ? new InternalInputFactory(builder.selfStats()) : factory;
    }

    private static Optional<LogLevel> logLevel(PluginTable table) {
        try {
            return table.logLevel().map(LogLevel::parse);
        } catch (IllegalArgumentException e) {
            throw table.config().invalid("log_level", e.getMessage());
        }
    }

    private static ConfigException undefined(PluginTable table, java.util.List<String> known) {
        ConfigLocation location = table.location();
        return new ConfigException(location + ": " + PluginRegistry.undefinedMessage(table.section().tomlName(),
                table.name(), known));
    }

    /**
     * A plugin that fails in its factory with something other than a ConfigException still gets
     * its location in the message, so the operator knows which table to look at.
     */
    private static <T> T withLocation(PluginTable table, java.util.function.Supplier<T> create) {
        try {
            return create.get();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(table.location() + ": plugin " + table.pluginId() + ": cannot be created: "
                    + e.getMessage(), e);
        }
    }
}
