package io.jtelegraf.agent.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Scopes;
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
 *
 * <p>Every binding is made in {@link #configure()} with providers, none through annotations
 * ({@code @Provides}, {@code @Singleton}, {@code @Inject}): Guice reads an annotation by having
 * the JDK generate a proxy class for it and for each of its meta-annotations at every start
 * (classes that class-data sharing cannot keep), which cost a short run such as {@code --test}
 * a few milliseconds.
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

        Provider<LoadedConfig> configs = getProvider(LoadedConfig.class);
        Provider<PluginRegistry> registries = getProvider(PluginRegistry.class);
        Provider<AgentLogging> loggings = getProvider(AgentLogging.class);
        Provider<PluginInstantiator> instantiator = () -> new PluginInstantiator(configs.get(), registries.get());
        bind(PluginInstantiator.class).toProvider(instantiator);

        Provider<AgentBuilder> builder = () -> new AgentBuilder(configs.get().agent(), loggings.get()).agentVersion(version);
        bind(AgentBuilder.class).toProvider(builder).in(Scopes.SINGLETON);

        Provider<AgentBuilder> builders = getProvider(AgentBuilder.class);
        Provider<PluginInstantiator> instantiators = getProvider(PluginInstantiator.class);
        Provider<Agent> agent = () -> {
            AgentBuilder agentBuilder = builders.get();
            instantiators.get().addAll(agentBuilder);
            return agentBuilder.build();
        };
        bind(Agent.class).toProvider(agent).in(Scopes.SINGLETON);
    }
}
