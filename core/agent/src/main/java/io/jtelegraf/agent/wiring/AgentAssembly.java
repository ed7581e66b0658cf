package io.jtelegraf.agent.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.agent.startup.StartupWarmup;

/** Builds an {@link Agent} from a loaded configuration with {@link AgentModule}. */
public final class AgentAssembly {
    private AgentAssembly() {
    }

    /**
     * Creates every configured plugin and the agent that runs them.
     *
     * @throws io.jtelegraf.spi.ConfigException for a configuration problem, unwrapped from Guice
     *     so the operator sees one readable line
     */
    public static Agent assemble(LoadedConfig config, PluginRegistry registry, AgentLogging logging, String version) {
        // The default (development) stage creates the agent lazily, in getInstance, so a
        // plugin's configuration error surfaces here as one ProvisionException to unwrap.
        StartupWarmup.beforeFirstUse(StartupWarmup.Library.GUICE);
        Injector injector = Guice.createInjector(new AgentModule(config, registry, logging, version));
        try {
            return injector.getInstance(Agent.class);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
