package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.ConfigLoader;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.agent.runtime.AgentRunException;
import io.jtelegraf.agent.runtime.TestLineFormat;
import io.jtelegraf.agent.wiring.AgentAssembly;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.Logger;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.StringJoiner;

/**
 * One {@code jtelegraf} run: load the configuration, set up logging, assemble the agent and run
 * it in the mode the flags ask for ({@code --test}, {@code --once}, or until a signal). SIGHUP
 * stops the agent with its final flush and starts a fresh one from the re-read configuration; a
 * broken new configuration ends the process with exit code 1, as in Telegraf.
 *
 * <p>Every error that ends the run is reported as Telegraf's main reports it,
 * {@code Error running agent: <cause>}.
 */
final class AgentRunner {
    private final RunOptions options;

    AgentRunner(RunOptions options) {
        this.options = options;
    }

    int run() throws InterruptedException {
        try {
            return runAgents();
        } catch (ConfigException | AgentFailure | AgentRunException e) {
            throw new AgentFailure("Error running agent: " + e.getMessage());
        }
    }

    private int runAgents() throws InterruptedException, AgentRunException {
        options.loadOptions(); // conflicting flags fail here, before plugins are discovered
        boolean once = options.once;
        boolean test = !once && (options.test || options.testWait > 0);
        PluginRegistry registry = InstalledPlugins.discover(options.pluginDirectory);
        SignalHandlers signals = once || test ? null : SignalHandlers.install();
        PidFile pidFile = null;
        boolean firstStart = true;
        try {
            while (true) {
                LoadedConfig config = load(test);
                AgentLogging logging = ProcessLogging.start(config, options);
                Logger agentLogger = logging.logger("agent");
                if (firstStart) {
                    EnvHandlingWarning.logIfDefaulted(options, agentLogger);
                }
                StartupBanner.log(agentLogger, registry, config);
                Agent agent = AgentAssembly.assemble(config, registry, logging, Version.get());
                if (test) {
                    agent.runTest(System.out, Duration.ofSeconds(options.testWait), testLineFormat());
                    return 0;
                }
                if (once) {
                    agent.runOnce(Duration.ofSeconds(options.testWait));
                    return 0;
                }
                if (firstStart) {
                    pidFile = PidFile.write(options.pidfile, agentLogger);
                    firstStart = false;
                }
                signals.attach(agent, agentLogger);
                agent.run();
                if (!signals.takeReloadRequest()) {
                    return 0;
                }
            }
        } finally {
            if (pidFile != null) {
                pidFile.remove();
            }
        }
    }

    private LoadedConfig load(boolean test) {
        LoadedConfig config = ConfigLoader.load(options.loadOptions());
        if (config.inputs().isEmpty()) {
            throw new ConfigException("no inputs found, probably invalid config file provided (" + files(config) + ")");
        }
        if (config.outputs().isEmpty() && !test) {
            throw new ConfigException("no outputs found, probably invalid config file provided (" + files(config) + ")");
        }
        return config;
    }

    private static String files(LoadedConfig config) {
        StringJoiner files = new StringJoiner(", ");
        for (Path file : config.files()) {
            files.add(file.toString());
        }
        return files.toString();
    }

    /** {@code --test} prints fields sorted and unsigned values as {@code u} (Telegraf since 1.31). */
    private static TestLineFormat testLineFormat() {
        LineProtocolSerializer serializer = new LineProtocolSerializer(
                LineProtocolOptions.DEFAULTS.withSortFields(true).withUintSupport(true));
        return metric -> new String(serializer.serialize(metric), StandardCharsets.UTF_8);
    }
}
