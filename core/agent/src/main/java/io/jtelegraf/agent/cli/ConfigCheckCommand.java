package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.ConfigLoader;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.agent.wiring.AgentAssembly;
import io.jtelegraf.spi.Logger;

/**
 * {@code jtelegraf config check}: loads the configuration and creates every plugin, as a start
 * would, without connecting or gathering; exit 0 when all is well, 1 with the error otherwise.
 * Environment variables are substituted strictly unless {@code --non-strict-env-handling} is
 * given, the same as a run (Telegraf defaults the check to non-strict: a deliberate difference).
 */
final class ConfigCheckCommand {
    private ConfigCheckCommand() {
    }

    static int run(RunOptions options) {
        LoadedConfig config = ConfigLoader.load(options.loadOptions());
        AgentLogging logging = ProcessLogging.start(config, options);
        Logger agentLogger = logging.logger("agent");
        EnvHandlingWarning.logIfDefaulted(options, agentLogger);
        config.warnings().forEach(agentLogger::warn);
        PluginRegistry registry = InstalledPlugins.discover(options.pluginDirectory);
        Agent agent = AgentAssembly.assemble(config, registry, logging, Version.get());
        agent.closePlugins();
        return 0;
    }
}
