package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.ConfigLoader;
import io.jtelegraf.agent.config.LoadOptions;
import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogSettings;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.agent.runtime.Agent;
import io.jtelegraf.agent.runtime.AgentRunException;
import io.jtelegraf.agent.wiring.AgentAssembly;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.lineprotocol.LineProtocolOptions;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One {@code jtelegraf} run: load the configuration, set up logging, assemble the agent and run
 * it in the mode the flags ask for ({@code --test}, {@code --once}, or until a signal). SIGHUP
 * stops the agent with its final flush and starts a fresh one from the re-read configuration; a
 * broken new configuration ends the process with exit code 1, as in Telegraf.
 */
final class AgentRunner {
    private final RunOptions options;

    AgentRunner(RunOptions options) {
        this.options = options;
    }

    int run() throws InterruptedException {
        if (options.strictEnv && options.nonStrictEnv) {
            throw new AgentFailure("--strict-env-handling and --non-strict-env-handling cannot be used together");
        }
        boolean once = options.once;
        boolean test = !once && (options.test || options.testWait > 0);
        PluginRegistry registry = InstalledPlugins.discover(options.pluginDirectory);
        SignalHandlers signals = once || test ? null : SignalHandlers.install();
        PidFile pidFile = null;
        try {
            while (true) {
                LoadedConfig config = load(test);
                AgentLogging logging = AgentLogging.configure(LogSettings.of(config.agent(), options.debug, options.quiet));
                StartupBanner.log(logging.logger("agent"), registry, config);
                Agent agent = AgentAssembly.assemble(config, registry, logging, Version.get());
                if (test) {
                    agent.runTest(System.out, Duration.ofSeconds(options.testWait), testLineFormat());
                    return 0;
                }
                if (once) {
                    agent.runOnce(Duration.ofSeconds(options.testWait));
                    return 0;
                }
                if (pidFile == null) {
                    pidFile = PidFile.write(options.pidfile, logging.logger("agent"));
                }
                signals.attach(agent);
                agent.run();
                if (!signals.reloadRequested()) {
                    return 0;
                }
                logging.logger("agent").info("Reloading jtelegraf config");
            }
        } catch (AgentRunException e) {
            throw new AgentFailure(e.getMessage());
        } finally {
            if (pidFile != null) {
                pidFile.remove();
            }
        }
    }

    private LoadedConfig load(boolean test) {
        LoadedConfig config = ConfigLoader.load(LoadOptions.builder()
                .configs(options.configs)
                .configDirectories(options.configDirectories)
                .strictEnvironment(!options.nonStrictEnv)
                .inputFilter(RunOptions.names(options.inputFilter))
                .outputFilter(RunOptions.names(options.outputFilter))
                .build());
        if (config.inputs().isEmpty()) {
            throw new ConfigException("no inputs found, probably invalid config file provided ("
                    + String.join(", ", config.files().stream().map(Object::toString).toList()) + ")");
        }
        if (config.outputs().isEmpty() && !test) {
            throw new ConfigException("no outputs found, probably invalid config file provided ("
                    + String.join(", ", config.files().stream().map(Object::toString).toList()) + ")");
        }
        return config;
    }

    /** {@code --test} prints fields sorted and unsigned values as {@code u} (Telegraf since 1.31). */
    private static io.jtelegraf.agent.runtime.TestLineFormat testLineFormat() {
        LineProtocolSerializer serializer = new LineProtocolSerializer(
                LineProtocolOptions.DEFAULTS.withSortFields(true).withUintSupport(true));
        return metric -> new String(serializer.serialize(metric), StandardCharsets.UTF_8);
    }
}
