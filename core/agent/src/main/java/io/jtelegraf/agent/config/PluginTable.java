package io.jtelegraf.agent.config;

import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.agent.runtime.InputSettings;
import io.jtelegraf.agent.runtime.OutputSettings;
import io.jtelegraf.spi.ConfigException;
import io.jtelegraf.spi.PluginConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code [[inputs.X]]} or {@code [[outputs.X]]} table of the loaded configuration: where it
 * was written, the {@link PluginConfig} to hand to the plugin's factory, and its common options
 * (already validated) turned into the runtime's settings.
 *
 * <p>Typical use by the caller that instantiates plugins:
 * <pre>{@code
 * Input input = factory.create(table.config(), context);
 * table.requireAllKeysUsed();               // unknown keys fail here, naming file and lines
 * InputSettings settings = table.inputSettings(loaded.agent());
 * }</pre>
 *
 * <p>Threading: confined to the thread that loads the configuration.
 */
public final class PluginTable {
    private final PluginSection section;
    private final String name;
    private final TomlPluginConfig config;
    private final CommonOptions options;
    private final int agentBatchSizeWhenRead;
    private final int agentBufferLimitWhenRead;

    private PluginTable(PluginSection section, String name, TomlPluginConfig config, CommonOptions options,
            int agentBatchSizeWhenRead, int agentBufferLimitWhenRead) {
        this.section = section;
        this.name = name;
        this.config = config;
        this.options = options;
        this.agentBatchSizeWhenRead = agentBatchSizeWhenRead;
        this.agentBufferLimitWhenRead = agentBufferLimitWhenRead;
    }

    /**
     * Reads the common options of {@code table} (failing on invalid ones).
     *
     * @param agentBatchSize the agent's metric_batch_size at this point of the load (outputs keep it)
     * @param agentBufferLimit the agent's metric_buffer_limit at this point of the load
     */
    static PluginTable read(PluginSection section, String name, ConfigTable table, int agentBatchSize,
            int agentBufferLimit, List<String> warnings) {
        TomlPluginConfig config = new TomlPluginConfig(section.tomlName() + "." + name, table);
        CommonOptions options = CommonOptionsReader.read(section, config, warnings);
        return new PluginTable(section, name, config, options, agentBatchSize, agentBufferLimit);
    }

    /** See {@link TomlPluginConfig#fromSnippet}. */
    static PluginTable fromSnippet(String pluginId, String tomlBody) {
        int dot = pluginId.indexOf('.');
        String sectionName = dot < 0 ? "" : pluginId.substring(0, dot);
        PluginSection section = switch (sectionName) {
            case "inputs" -> PluginSection.INPUTS;
            case "outputs" -> PluginSection.OUTPUTS;
            default -> throw new IllegalArgumentException(
                    "plugin id must start with \"inputs.\" or \"outputs.\": " + pluginId);
        };
        EnvTemplate noEnvironment = new EnvTemplate(Map.of());
        ConfigTable table = TomlDocumentParser.parse("<" + pluginId + ">", CommentStripper.strip(tomlBody),
                StrictEnvironment.strings(noEnvironment));
        AgentSettings defaults = AgentSettings.defaults("");
        return read(section, pluginId.substring(dot + 1), table, defaults.metricBatchSize(),
                defaults.metricBufferLimit(), new ArrayList<>());
    }

    public PluginSection section() {
        return section;
    }

    /** The plugin name: {@code ipvs} for {@code [[inputs.ipvs]]}. */
    public String name() {
        return name;
    }

    /** For example {@code inputs.ipvs}. */
    public String pluginId() {
        return config.pluginId();
    }

    /** The file and the line of the table header. */
    public ConfigLocation location() {
        return config.location();
    }

    /** The table for the plugin's factory; it records which keys the plugin reads. */
    public PluginConfig config() {
        return config;
    }

    TomlPluginConfig tomlConfig() {
        return config;
    }

    /** The instance's {@code alias}. */
    public Optional<String> alias() {
        return options.alias();
    }

    /** The instance's {@code log_level}: error, warn, info, debug or trace. */
    public Optional<String> logLevel() {
        return options.logLevel().filter(level -> !level.isEmpty());
    }

    /**
     * Fails when the table sets keys that neither the plugin nor the common options read. Call it
     * after the plugin's factory returned.
     *
     * @throws ConfigException naming the file, the plugin, the keys and their lines
     */
    public void requireAllKeysUsed() {
        config.requireAllKeysUsed();
    }

    /**
     * The input's effective options: its own interval, precision and offset when set and not
     * zero, its collection_jitter whenever set (even "0s"), otherwise the agent's.
     *
     * @throws IllegalStateException for an output table
     */
    public InputSettings inputSettings(AgentSettings agent) {
        requireSection(PluginSection.INPUTS);
        return new InputSettings(pluginId(), alias(),
                nonZero(options.interval()).orElse(agent.interval()),
                nonZero(options.precision()).orElse(agent.precision()),
                options.collectionJitter().orElse(agent.collectionJitter()),
                nonZero(options.collectionOffset()).orElse(agent.collectionOffset()),
                agent.roundInterval(),
                options.nameOverride(), options.namePrefix(), options.nameSuffix(),
                options.tags(), options.filter());
    }

    /**
     * The output's effective options: its own flush_interval and flush_jitter when set and not
     * zero, else the agent's; its own metric_batch_size and metric_buffer_limit when set to a
     * positive integer, else the agent's values <em>as they were when this table was read</em>
     * (Telegraf captures them then: an {@code [agent]} table in a later file does not change
     * them).
     *
     * @throws IllegalStateException for an input table
     */
    public OutputSettings outputSettings(AgentSettings agent) {
        requireSection(PluginSection.OUTPUTS);
        return new OutputSettings(pluginId(), alias(),
                nonZero(options.flushInterval()).orElse(agent.flushInterval()),
                nonZero(options.flushJitter()).orElse(agent.flushJitter()),
                options.metricBatchSize() > 0 ? options.metricBatchSize() : agentBatchSizeWhenRead,
                options.metricBufferLimit() > 0 ? options.metricBufferLimit() : agentBufferLimitWhenRead,
                options.nameOverride(), options.namePrefix(), options.nameSuffix(), options.filter());
    }

    private void requireSection(PluginSection expected) {
        if (section != expected) {
            throw new IllegalStateException(pluginId() + " is not in " + expected.tomlName());
        }
    }

    private static Optional<Duration> nonZero(Optional<Duration> value) {
        return value.filter(d -> !d.isZero());
    }

    @Override
    public String toString() {
        return pluginId() + " at " + location();
    }
}
