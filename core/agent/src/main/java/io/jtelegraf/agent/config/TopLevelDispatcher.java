package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dispatches the top level of each config file (spec 1.5), in Telegraf's order: global tags,
 * {@code [agent]}, the host tag, then the plugin tables. Keeps what accumulates across files
 * (spec 1.6): plugins are appended, later agent keys and global tags win, the host tag is
 * re-applied after each file.
 */
final class TopLevelDispatcher {
    private static final Comparator<PluginTable> BY_LINE = Comparator.comparingInt(t -> t.location().line());

    private final Set<String> inputFilter;
    private final Set<String> outputFilter;
    private final Supplier<String> systemHostname;

    private final AgentSettingsCollector agent = new AgentSettingsCollector();
    private final Map<String, String> globalTags = new LinkedHashMap<>();
    private final List<PluginTable> inputs = new ArrayList<>();
    private final List<PluginTable> outputs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String hostname = "";

    TopLevelDispatcher(Set<String> inputFilter, Set<String> outputFilter, Supplier<String> systemHostname) {
        this.inputFilter = inputFilter;
        this.outputFilter = outputFilter;
        this.systemHostname = systemHostname;
    }

    void dispatch(ConfigTable root) {
        requireTables(root);
        for (String tagsKey : List.of("tags", "global_tags")) {
            ConfigTable.Value tags = root.entries().get(tagsKey);
            if (tags != null) {
                readGlobalTags(tagsKey, (ConfigTable) tags.value());
            }
        }
        ConfigTable.Value agentTable = root.entries().get("agent");
        if (agentTable != null) {
            agent.apply((ConfigTable) agentTable.value(), warnings);
        }
        applyHostTag();
        int firstNewInput = inputs.size();
        int firstNewOutput = outputs.size();
        for (Map.Entry<String, ConfigTable.Value> entry : root.entries().entrySet()) {
            String key = entry.getKey();
            ConfigTable table = (ConfigTable) entry.getValue().value();
            switch (key) {
                case "agent", "tags", "global_tags" -> {
                    // read above, before any plugin, as Telegraf does
                }
                case "inputs", "plugins" -> readPlugins(PluginSection.INPUTS, table);
                case "outputs" -> readPlugins(PluginSection.OUTPUTS, table);
                case "processors", "aggregators", "secretstores" -> {
                    String name = table.keys().stream().findFirst().orElse("");
                    throw UnsupportedFeatures.unsupportedSection(table.locationOf(name), key, name);
                }
                default -> {
                    if (inputFilter.isEmpty() || inputFilter.contains(key)) {
                        throw ConfigMessages.problem(table.location(), "undefined but requested input: " + key
                                + " (only [agent], [global_tags], [[inputs.NAME]] and [[outputs.NAME]] may appear at"
                                + " the top level; write [[inputs." + key + "]] for an input)");
                    }
                }
            }
        }
        // [[plugins.X]] and [[inputs.X]] tables interleave in the file; keep the file's order.
        inputs.subList(firstNewInput, inputs.size()).sort(BY_LINE);
        outputs.subList(firstNewOutput, outputs.size()).sort(BY_LINE);
    }

    List<String> warnings() {
        return warnings;
    }

    List<PluginTable> inputs() {
        return inputs;
    }

    List<PluginTable> outputs() {
        return outputs;
    }

    AgentSettingsCollector agent() {
        return agent;
    }

    String hostname() {
        return hostname;
    }

    Map<String, String> globalTags() {
        return globalTags;
    }

    private static void requireTables(ConfigTable root) {
        for (Map.Entry<String, ConfigTable.Value> entry : root.entries().entrySet()) {
            if (!(entry.getValue().value() instanceof ConfigTable)) {
                throw ConfigMessages.problem(root.location().atLine(entry.getValue().line()), "top-level key \""
                        + entry.getKey() + "\" must be a table such as [agent] or [[inputs.NAME]], not "
                        + ConfigTable.describeType(entry.getValue().value()));
            }
        }
    }

    private void readGlobalTags(String key, ConfigTable table) {
        String scope = "[" + key + "]";
        UnsupportedFeatures.rejectSecretReferences(table, scope);
        for (Map.Entry<String, ConfigTable.Value> entry : table.entries().entrySet()) {
            if (!(entry.getValue().value() instanceof String value)) {
                throw ConfigMessages.keyProblem(table.locationOf(entry.getKey()), scope, entry.getKey(),
                        "expected a string, got " + ConfigTable.describeType(entry.getValue().value()));
            }
            globalTags.put(entry.getKey(), value);
        }
    }

    /** Telegraf sets the host tag after each file; it overwrites a {@code host} in [global_tags]. */
    private void applyHostTag() {
        if (agent.omitHostname()) {
            return;
        }
        String configured = agent.hostnameSetting();
        if (!configured.isEmpty()) {
            hostname = configured;
        } else if (hostname.isEmpty()) {
            hostname = systemHostname.get();
        }
        globalTags.put("host", hostname);
    }

    private void readPlugins(PluginSection section, ConfigTable sectionTable) {
        Set<String> filter = section == PluginSection.INPUTS ? inputFilter : outputFilter;
        for (Map.Entry<String, ConfigTable.Value> entry : sectionTable.entries().entrySet()) {
            String name = entry.getKey();
            if (!filter.isEmpty() && !filter.contains(name)) {
                continue;
            }
            Object value = entry.getValue().value();
            if (value instanceof ConfigTable single) {
                // The legacy [inputs.NAME] form: one instance.
                add(section, name, single);
            } else if (value instanceof List<?> instances) {
                for (Object instance : instances) {
                    Object table = ((ConfigTable.Value) instance).value();
                    if (!(table instanceof ConfigTable pluginTable)) {
                        throw notATable(sectionTable, section, name, entry.getValue());
                    }
                    add(section, name, pluginTable);
                }
            } else {
                throw notATable(sectionTable, section, name, entry.getValue());
            }
        }
    }

    private void add(PluginSection section, String name, ConfigTable table) {
        PluginTable plugin = PluginTable.read(section, name, table, agent.metricBatchSize(),
                agent.metricBufferLimit(), warnings);
        (section == PluginSection.INPUTS ? inputs : outputs).add(plugin);
    }

    private static ConfigException notATable(ConfigTable sectionTable, PluginSection section, String name,
            ConfigTable.Value value) {
        return ConfigMessages.problem(sectionTable.location().atLine(value.line()), section.tomlName() + "." + name
                + " must be a plugin table written [[" + section.tomlName() + "." + name + "]], not "
                + ConfigTable.describeType(value.value()));
    }
}
