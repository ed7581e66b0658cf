package io.jtelegraf.agent.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.agent.runtime.AgentBuilder;

/**
 * Wires one configured agent: the loaded configuration and the plugin registry in, the
 * {@link Agent} with every configured input connected to every configured output out. The set of
 * plugin instances depends on the configuration, so they are created in plain code
 * ({@link PluginInstantiator}) and bound as instances; plugins themselves never see Guice.
 */
public final class AgentModule extends AbstractModule {
    private final LoadedConfig config;
    private final PluginRegistry registry;
    private final AgentLogging logging;
    private final String version;

    public AgentModule(LoadedConfig config, PluginRegistry registry, AgentLogging logging, String version) {
        this.config = config;
        this.registry = registry;
        this.logging = logging;
        this.version = version;
    }

    @Override
    protected void configure() {
        bind(LoadedConfig.class).toInstance(config);
        bind(PluginRegistry.class).toInstance(registry);
        bind(AgentLogging.class).toInstance(logging);
    }

    @Provides
    @Singleton
    AgentBuilder agentBuilder() {
        return new AgentBuilder(config.agent(), logging).agentVersion(version);
    }

    @Provides
    @Singleton
    Agent agent(AgentBuilder builder, PluginInstantiator instantiator) {
        instantiator.addAll(builder);
        return builder.build();
    }
}
