package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.buffer.DiskBuffer;
import io.jtelegraf.agent.internal.InputStats;
import io.jtelegraf.agent.internal.OutputStats;
import io.jtelegraf.agent.internal.SelfStats;
import io.jtelegraf.agent.logging.AgentLogging;
import io.jtelegraf.agent.logging.LogLevel;
import io.jtelegraf.agent.logging.PluginLogger;
import io.jtelegraf.spi.Input;
import io.jtelegraf.spi.Output;
import io.jtelegraf.spi.PluginContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Assembles an {@link Agent} from the effective settings and plugin instances. For each plugin
 * table, the caller passes the settings and a function that creates the plugin from the
 * {@link PluginContext} this builder prepares (logger with the plugin's source and error
 * counting, clock, id, alias, version):
 *
 * <pre>{@code
 * AgentBuilder builder = new AgentBuilder(agentSettings, logging).agentVersion(Version.get());
 * builder.addInput(inputSettings, Optional.empty(), context -> factory.create(config, context));
 * builder.addOutput(outputSettings, Optional.empty(), context -> outputFactory.create(config, context));
 * Agent agent = builder.build();
 * }</pre>
 *
 * Set the clock, random source and version before adding plugins. Not thread-safe.
 */
public final class AgentBuilder {
    private final AgentSettings settings;
    private final AgentLogging logging;
    private final SelfStats stats = new SelfStats();
    private final List<RunningInput> inputs = new ArrayList<>();
    private final List<RunningOutput> outputs = new ArrayList<>();
    /** Outputs added so far per plugin id and alias, for stable disk buffer folder names. */
    private final Map<List<String>, Integer> outputPositions = new HashMap<>();
    private final PluginLogger agentLogger;
    private EngineClock clock = EngineClock.system();
    private RandomGenerator random = ThreadLocalRandom.current();
    private Duration shutdownTimeout = Duration.ofSeconds(30);
    private Duration connectRetryDelay = Duration.ofSeconds(15);
    private String agentVersion = "unknown";

    public AgentBuilder(AgentSettings settings, AgentLogging logging) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.logging = Objects.requireNonNull(logging, "logging");
        this.agentLogger = logging.logger("agent");
    }

    /** The clock for schedules and timestamps; the system clock by default. */
    public AgentBuilder clock(EngineClock newClock) {
        this.clock = Objects.requireNonNull(newClock, "clock");
        return this;
    }

    /** The source of collection and flush jitter. */
    public AgentBuilder random(RandomGenerator newRandom) {
        this.random = Objects.requireNonNull(newRandom, "random");
        return this;
    }

    /** How long a shutdown waits for gathers and final writes before giving up (default 30 s). */
    public AgentBuilder shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** The wait before the single connect retry (default 15 s, Telegraf's value). */
    public AgentBuilder connectRetryDelay(Duration delay) {
        this.connectRetryDelay = Objects.requireNonNull(delay, "delay");
        return this;
    }

    /** The version plugins see in their context and {@code inputs.internal} reports. */
    public AgentBuilder agentVersion(String version) {
        this.agentVersion = Objects.requireNonNull(version, "version");
        return this;
    }

    /** The self-statistics of the agent being built, for {@code InternalInputFactory}. */
    public SelfStats selfStats() {
        return stats;
    }

    /** The {@code agent} logger. */
    public PluginLogger agentLogger() {
        return agentLogger;
    }

    /**
     * Creates an input through {@code create} and wraps it.
     *
     * @param logLevel the plugin's {@code log_level}, if set
     * @throws io.jtelegraf.spi.ConfigException as thrown by {@code create}
     * @throws IllegalArgumentException when a filter pattern is invalid
     */
    public RunningInput addInput(InputSettings inputSettings, Optional<LogLevel> logLevel,
                                 Function<PluginContext, ? extends Input> create) {
        InputStats inputStats = stats.registerInput(pluginName(inputSettings.pluginId()), inputSettings.alias());
        PluginLogger logger = logging.logger(inputSettings.logName(), logLevel, inputStats::errorLogged);
        Input input = create.apply(context(logger, inputSettings.pluginId(), inputSettings.alias()));
        RunningInput running = new RunningInput(input, inputSettings, settings, logger, inputStats, clock);
        inputs.add(running);
        return running;
    }

    /**
     * Creates an output through {@code create} and wraps it.
     *
     * @throws io.jtelegraf.spi.ConfigException as thrown by {@code create}
     * @throws IllegalArgumentException when a filter pattern is invalid
     */
    public RunningOutput addOutput(OutputSettings outputSettings, Optional<LogLevel> logLevel,
                                   Function<PluginContext, ? extends Output> create) {
        OutputStats outputStats = stats.registerOutput(pluginName(outputSettings.pluginId()), outputSettings.alias());
        PluginLogger logger = logging.logger(outputSettings.logName(), logLevel, outputStats::errorLogged);
        Output output = create.apply(context(logger, outputSettings.pluginId(), outputSettings.alias()));
        RunningOutput running = new RunningOutput(output, outputSettings, logger, agentLogger, outputStats,
                durableBuffer(outputSettings, logger));
        outputs.add(running);
        return running;
    }

    /** With buffer_strategy "disk": opens {@code <buffer_directory>/<id>[.<alias>].<n>} when the agent runs. */
    private DurableBufferOpener durableBuffer(OutputSettings outputSettings, PluginLogger logger) {
        if (!settings.diskBuffer()) {
            return null;
        }
        List<String> key = List.of(outputSettings.pluginId(), outputSettings.alias().orElse(""));
        int position = outputPositions.merge(key, 1, Integer::sum) - 1;
        String name = DiskBuffer.folderName(outputSettings.pluginId(), outputSettings.alias(), position);
        String directory = settings.bufferDirectory();
        return () -> {
            if (directory.isBlank()) {
                throw new IOException("buffer_strategy " + Agent.quote(settings.bufferStrategy())
                        + " needs buffer_directory");
            }
            return DiskBuffer.open(Path.of(directory).resolve(name), outputSettings.metricBufferLimit(),
                    settings.bufferDiskSync(), logger);
        };
    }

    public Agent build() {
        return new Agent(settings, inputs, outputs, clock, random, agentLogger, stats, shutdownTimeout,
                connectRetryDelay);
    }

    private PluginContext context(PluginLogger logger, String pluginId, Optional<String> alias) {
        return new RuntimePluginContext(logger, clock.asClock(), pluginId, alias, agentVersion);
    }

    /** {@code inputs.ipvs} to {@code ipvs}. */
    private static String pluginName(String pluginId) {
        int dot = pluginId.indexOf('.');
        return dot >= 0 ? pluginId.substring(dot + 1) : pluginId;
    }
}
