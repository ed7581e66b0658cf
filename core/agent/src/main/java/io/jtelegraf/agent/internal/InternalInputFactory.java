package io.jtelegraf.agent.internal;

import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.InputFactory;
import io.jtelegraf.spi.PluginConfig;
import io.jtelegraf.spi.PluginContext;

/**
 * {@code [[inputs.internal]]}: the agent's own statistics (spec 11). Registered by the runtime
 * directly, not through a plugin folder, because it reads the runtime's {@link SelfStats}.
 *
 * <p>Options: {@code collect_memstats} (default true), {@code collect_gostats} (default false;
 * accepted for compatibility, a JVM has no Go runtime metrics, so it does nothing) and
 * {@code per_instance} (default false).
 */
public final class InternalInputFactory implements InputFactory {
    private final SelfStats stats;

    /** @param stats the registry of the agent run the instances will report on */
    public InternalInputFactory(SelfStats stats) {
        this.stats = stats;
    }

    @Override
    public String name() {
        return "internal";
    }

    @Override
    public Input create(PluginConfig config, PluginContext context) {
        boolean collectMemstats = config.getBoolean("collect_memstats", true);
        config.getBoolean("collect_gostats", false);
        boolean perInstance = config.getBoolean("per_instance", false);
        return new InternalInput(stats, context.agentVersion(), collectMemstats, perInstance, new JvmMemStats());
    }
}
