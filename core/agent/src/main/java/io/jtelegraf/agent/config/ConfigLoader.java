package io.jtelegraf.agent.config;

import io.jtelegraf.agent.runtime.AgentSettings;
import io.jtelegraf.spi.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads jtelegraf's configuration the way Telegraf loads its own: finds the files (spec 1.1),
 * strips comments and substitutes environment variables (1.2, 1.3), parses the TOML and
 * dispatches its tables (1.4 to 1.6), and reads each plugin table's common options (2.1, 2.2).
 *
 * <pre>{@code
 * LoadedConfig loaded = ConfigLoader.load(options);
 * loaded.warnings().forEach(log::warn);
 * for (PluginTable table : loaded.inputs()) {
 *     Input input = registry.input(table.name()).create(table.config(), context);
 *     table.requireAllKeysUsed();
 *     InputSettings settings = table.inputSettings(loaded.agent());
 * }
 * }</pre>
 *
 * <p>Every problem is a {@link ConfigException} whose message names the file and line (and the
 * plugin and key where there is one); nothing is logged here.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * @throws ConfigException for any problem in the files or the options
     */
    public static LoadedConfig load(LoadOptions options) {
        ConfigFileLocator.Located located = ConfigFileLocator.locate(options.configs(),
                options.configDirectories(), options.environment(), options.defaultLocations());
        List<String> warnings = new ArrayList<>(located.warnings());
        EnvTemplate environment = new EnvTemplate(options.environment());
        TopLevelDispatcher dispatcher = new TopLevelDispatcher(options.inputFilter(), options.outputFilter(),
                options.hostname());
        for (Path file : located.files()) {
            ConfigTable root = parse(file.toString(), ConfigFileReader.read(file), environment,
                    options.strictEnvironment());
            dispatcher.dispatch(root);
            SecretFilePermissions.check(file, root).ifPresent(warnings::add);
        }
        warnings.addAll(dispatcher.warnings());
        List<ConfigLocation> agentTables = dispatcher.agent().tables();
        if (agentTables.size() > 1) {
            warnings.add("several [agent] tables (" + agentTables.stream().map(ConfigLocation::toString)
                    .collect(Collectors.joining(", ")) + "): later ones overwrite the keys they set, and outputs"
                    + " keep the metric_batch_size and metric_buffer_limit in force when they were read");
        }
        // With omit_hostname Telegraf never resolves the machine's name; the setting stays as written.
        String hostname = dispatcher.agent().omitHostname() ? dispatcher.agent().hostnameSetting()
                : dispatcher.hostname();
        AgentSettings agent = dispatcher.agent().build(hostname, dispatcher.globalTags());
        return new LoadedConfig(agent, dispatcher.inputs(), dispatcher.outputs(), located.files(), warnings);
    }

    /** Comment stripping, then strict (per string value) or non-strict (whole text) substitution. */
    static ConfigTable parse(String source, String text, EnvTemplate environment, boolean strict) {
        String withoutComments = CommentStripper.strip(text);
        if (strict) {
            return TomlDocumentParser.parse(source, withoutComments, StrictEnvironment.strings(environment));
        }
        String substituted = StrictEnvironment.substituteText(source, withoutComments, environment);
        return TomlDocumentParser.parse(source, substituted, TomlDocumentParser.StringValues.UNCHANGED);
    }
}
