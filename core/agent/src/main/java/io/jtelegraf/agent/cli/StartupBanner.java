package io.jtelegraf.agent.cli;

import io.jtelegraf.agent.config.LoadedConfig;
import io.jtelegraf.agent.config.PluginTable;
import io.jtelegraf.agent.plugins.PluginRegistry;
import io.jtelegraf.spi.Logger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The info lines Telegraf logs at start-up: the files read, version, plugins, tags, and the
 * loader's warnings. Plugin options are never logged, so no credential can reach the log here.
 */
final class StartupBanner {
    // Loops rather than streams and lambdas: this runs once per start, where each lambda call site
    // costs about 0.1 ms at its first call (BENCHMARKS.md, "Fourth round").
    private StartupBanner() {
    }

    static void log(Logger logger, PluginRegistry registry, LoadedConfig config) {
        for (Path file : config.files()) {
            logger.info("Loading config: " + file);
        }
        logger.info("Starting jtelegraf " + Version.get());
        logger.info("Available plugins: " + registry.inputs().size() + " inputs, 0 aggregators, 0 processors, 0 parsers, "
                + registry.outputs().size() + " outputs, 0 secret-stores");
        logger.info("Loaded inputs: " + names(config.inputs()));
        logger.info("Loaded aggregators: ");
        logger.info("Loaded processors: ");
        logger.info("Loaded secretstores: ");
        logger.info("Loaded outputs: " + names(config.outputs()));
        StringJoiner tags = new StringJoiner(" ");
        for (Map.Entry<String, String> tag : new TreeMap<>(config.agent().globalTags()).entrySet()) {
            tags.add(tag.getKey() + "=" + tag.getValue());
        }
        logger.info("Tags enabled: " + tags);
        for (String warning : config.warnings()) {
            logger.warn(warning);
        }
    }

    /** Sorted names, with {@code name (2x)} for several instances, as Telegraf prints them. */
    static String names(List<PluginTable> tables) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PluginTable table : tables) {
            counts.put(table.name(), counts.getOrDefault(table.name(), 0) + 1);
        }
        StringJoiner names = new StringJoiner(" ");
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            names.add(entry.getValue() == 1 ? entry.getKey() : entry.getKey() + " (" + entry.getValue() + "x)");
        }
        return names.toString();
    }
}
